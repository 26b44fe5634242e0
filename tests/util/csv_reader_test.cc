#include "util/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace bf::util {
namespace {

TEST(CsvReader, ReadsQuotedFieldsBomAndCrlf) {
  auto r = parse_csv(
      "\xEF\xBB\xBF"
      "a,b\r\n2000,\"Del Rio, TX\"\r\n\"x\"\"y\",\r\n");
  ASSERT_TRUE(r.document) << r.error->message;
  const auto& recs = r.document->records;
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].fields[0].text, "a");
  EXPECT_EQ(recs[1].fields[1].text, "Del Rio, TX");
  EXPECT_EQ(recs[1].fields[1].column, 6);
  EXPECT_EQ(recs[1].line, 2);
  EXPECT_EQ(recs[2].fields[0].text, "x\"y");
  ASSERT_EQ(recs[2].fields.size(), 2u);
  EXPECT_EQ(recs[2].fields[1].text, "");
}

TEST(CsvReader, KeepsLeadingCommentsAndCountsLines) {
  auto r = parse_csv("# source: x.csv\n#sha256 abc\nh1,h2\n1,2");
  ASSERT_TRUE(r.document);
  EXPECT_EQ(r.document->comments.size(), 2u);
  EXPECT_EQ(r.document->comments[0], " source: x.csv");
  EXPECT_EQ(r.document->records[0].line, 3);
  EXPECT_EQ(r.document->records[1].line, 4);
}

TEST(CsvReader, QuotedLineBreakAdvancesLineNumbers) {
  auto r = parse_csv("a\n\"two\nlines\"\nb\n");
  ASSERT_TRUE(r.document);
  EXPECT_EQ(r.document->records[1].fields[0].text, "two\nlines");
  EXPECT_EQ(r.document->records[2].line, 4);
}

TEST(CsvReader, ReportsSyntaxErrorsWithPosition) {
  auto r = parse_csv("a,b\n1,\"open\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->line, 2);
  EXPECT_EQ(r.error->column, 3);
  EXPECT_EQ(r.error->message, "unterminated quoted field");

  r = parse_csv("a,b\n1,x\"y\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->line, 2);
  EXPECT_EQ(r.error->column, 4);

  r = parse_csv("\"a\"b\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message, "unexpected character after closing quote");
}

TEST(CsvCursor, ReadsTheRecordsOfParseCsvOneAtATime) {
  const std::string_view text =
      "\xEF\xBB\xBF# comment\r\nsheet,value\r\n\r\n\"a, b\",12\r\nlonger name,3\nx,\"two\nlines\"";
  const CsvParseResult whole = parse_csv(text);
  ASSERT_TRUE(whole.document);
  CsvCursor cursor(text);
  CsvRecord record;
  std::size_t n = 0;
  while (cursor.next(record)) {
    ASSERT_LT(n, whole.document->records.size());
    const CsvRecord& expected = whole.document->records[n++];
    EXPECT_EQ(record.line, expected.line);
    ASSERT_EQ(record.fields.size(), expected.fields.size());
    for (std::size_t f = 0; f < record.fields.size(); ++f) {
      EXPECT_EQ(record.fields[f].text, expected.fields[f].text);
      EXPECT_EQ(record.fields[f].column, expected.fields[f].column);
    }
  }
  EXPECT_EQ(n, 4u);  // the blank line is skipped
  EXPECT_FALSE(cursor.error());
  EXPECT_EQ(cursor.comments(), std::vector<std::string>{" comment"});
  EXPECT_FALSE(cursor.next(record));  // stays at the end
}

TEST(CsvCursor, ReusesTheRecordAndStopsAtASyntaxError) {
  CsvCursor cursor("a,b,c\n1\n2,\"open\n");
  CsvRecord record;
  ASSERT_TRUE(cursor.next(record));
  EXPECT_EQ(record.fields.size(), 3u);
  ASSERT_TRUE(cursor.next(record));  // a shorter record leaves no stale fields
  ASSERT_EQ(record.fields.size(), 1u);
  EXPECT_EQ(record.fields[0].text, "1");
  EXPECT_EQ(record.line, 2);
  EXPECT_FALSE(cursor.next(record));
  ASSERT_TRUE(cursor.error());
  EXPECT_EQ(cursor.error()->line, 3);
  EXPECT_EQ(cursor.error()->column, 3);
  EXPECT_EQ(cursor.error()->message, "unterminated quoted field");
  EXPECT_FALSE(cursor.next(record));
}

}  // namespace
}  // namespace bf::util
