#include "util/csv_field.h"

#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <vector>

#include "util/csv_reader.h"

namespace bf::util {
namespace {

TEST(CsvField, PlainTextIsWrittenAsItIs) {
  std::string line = "2024-01-01,";
  append_csv_field(line, "eagle_pass_bridge_1");
  EXPECT_EQ(line, "2024-01-01,eagle_pass_bridge_1");
}

TEST(CsvField, CommaQuoteAndLineBreakAreQuoted) {
  std::string line;
  append_csv_field(line, "a,b");
  EXPECT_EQ(line, "\"a,b\"");
  line.clear();
  append_csv_field(line, "say \"hi\"");
  EXPECT_EQ(line, "\"say \"\"hi\"\"\"");
  line.clear();
  append_csv_field(line, "two\nlines\r");
  EXPECT_EQ(line, "\"two\nlines\r\"");
}

// What is written reads back, field for field, through the project's strict reader.
TEST(CsvField, RoundTripsThroughTheReader) {
  const std::string keys[] = {"plain", "a,b", "q\"uote", "new\nline", "\"", ",", ""};
  std::string text = "key,value\n";
  for (const std::string& key : keys) {
    append_csv_field(text, key);
    text += ",1\n";
  }
  const CsvParseResult parsed = parse_csv(text);
  ASSERT_TRUE(parsed.document) << parsed.error->message;
  const std::vector<CsvRecord>& records = parsed.document->records;
  ASSERT_EQ(records.size(), std::size(keys) + 1);
  for (std::size_t i = 0; i < std::size(keys); ++i) {
    ASSERT_EQ(records[i + 1].fields.size(), 2u) << i;
    EXPECT_EQ(records[i + 1].fields[0].text, keys[i]);
    EXPECT_EQ(records[i + 1].fields[1].text, "1");
  }
}

}  // namespace
}  // namespace bf::util
