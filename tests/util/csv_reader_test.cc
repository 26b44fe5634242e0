#include "util/csv_reader.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace bf::util
