// `borderflow report` and the report.html that `borderflow run` writes, end to end.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "apps/cli_process.h"

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr const char* kTiny = "scenarios/examples/tiny.yaml";

class ReportCli : public CliTest {};

TEST_F(ReportCli, RunWritesReportUnlessNoReport) {
  const CliResult run = cli({"run", kTiny, "--out", at("out"), "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string html = read_bytes(tmp() / "out" / "report.html");
  EXPECT_THAT(html, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("id=\"encounters-by-sector\""));
  EXPECT_THAT(html, ::testing::Not(HasSubstr(".tmp")));  // never names the temporary folder

  const CliResult bare = cli({"run", kTiny, "--out", at("bare"), "--quiet", "--no-report"});
  ASSERT_EQ(bare.exit_code, 0) << bare.err;
  EXPECT_FALSE(fs::exists(tmp() / "bare" / "report.html"));
  EXPECT_TRUE(fs::exists(tmp() / "bare" / "days.csv"));
}

TEST_F(ReportCli, ReportCompareAndFigures) {
  ASSERT_EQ(cli({"run", kTiny, "--out", at("a"), "--quiet", "--seed", "1"}).exit_code, 0);
  ASSERT_EQ(cli({"run", kTiny, "--out", at("b"), "--quiet", "--seed", "2"}).exit_code, 0);
  const CliResult r =
      cli({"report", at("a"), "--compare", at("b"), "-o", at("cmp.html"), "--figures", at("figs")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("report written to"));
  EXPECT_THAT(read_bytes(tmp() / "cmp.html"), HasSubstr(">Run B</th>"));
  EXPECT_TRUE(fs::exists(tmp() / "figs" / "custody.svg"));
  EXPECT_TRUE(fs::exists(tmp() / "figs" / "encounters-by-sector.svg"));

  // Without -o the report goes into the folder; the same folder gives the same bytes.
  const std::string before = read_bytes(tmp() / "a" / "report.html");
  ASSERT_EQ(cli({"report", at("a")}).exit_code, 0);
  EXPECT_EQ(read_bytes(tmp() / "a" / "report.html"), before);
}

TEST_F(ReportCli, BadFoldersExitTwoWithClearErrors) {
  CliResult r = cli({"report", at("missing")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("missing: not a folder"));

  fs::create_directories(tmp() / "empty");
  r = cli({"report", at("empty"), "-o", at("x.html")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("days.csv: missing"));
  EXPECT_FALSE(fs::exists(tmp() / "x.html"));

  ASSERT_EQ(cli({"run", kTiny, "--out", at("a"), "--quiet"}).exit_code, 0);
  write_bytes(tmp() / "a" / "days.csv", "date,encounters\n2024-01-01,lots\n");
  r = cli({"report", at("a"), "-o", at("x.html")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("days.csv:2:12: 'lots' in column 'encounters' is not a number"));

  r = cli({"report", at("a")});
  EXPECT_EQ(r.exit_code, 2);
  r = cli({"report"});
  EXPECT_EQ(r.exit_code, 2);
}

// The paths a report would write are checked before anything is written (issue 19).
TEST_F(ReportCli, OutputPathsAreCheckedBeforeWriting) {
  ASSERT_EQ(cli({"run", kTiny, "--out", at("a"), "--quiet", "--no-report"}).exit_code, 0);
  const std::string days = read_bytes(tmp() / "a" / "days.csv");

  // A result file is not replaced by the report.
  CliResult r = cli({"report", at("a"), "-o", at("a/days.csv")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("days.csv' does not end in .html"));
  EXPECT_EQ(read_bytes(tmp() / "a" / "days.csv"), days);

  // A folder is not a file name (it said "cannot write /: Success", exit 3).
  r = cli({"report", at("a"), "-o", "/"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--output: '/' is a folder; give the report's file name"));
  r = cli({"report", at("a"), "-o", at("no/such/x.html")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("does not exist"));

  // A bad --figures is found before the HTML is written (it exited 3 after).
  write_bytes(tmp() / "file", "x");
  r = cli({"report", at("a"), "-o", at("x.html"), "--figures", at("file")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--figures: '" + at("file") + "' is a file, not a folder"));
  EXPECT_FALSE(fs::exists(tmp() / "x.html"));
  EXPECT_FALSE(fs::exists(tmp() / "a" / "report.html"));
}

TEST_F(ReportCli, CompareKeepsTheFoldersReportAndNeedsTheSameDays) {
  ASSERT_EQ(cli({"run", kTiny, "--out", at("a"), "--quiet", "--seed", "1"}).exit_code, 0);
  ASSERT_EQ(cli({"run", kTiny, "--out", at("b"), "--quiet", "--seed", "2"}).exit_code, 0);
  ASSERT_EQ(cli({"run", kTiny, "--out", at("short"), "--quiet", "--days", "10"}).exit_code, 0);
  const std::string own = read_bytes(tmp() / "a" / "report.html");

  CliResult r = cli({"report", at("a"), "--compare", at("b")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(read_bytes(tmp() / "a" / "report-compare.html"), HasSubstr(">Run B</th>"));
  EXPECT_EQ(read_bytes(tmp() / "a" / "report.html"), own);

  r = cli({"report", at("a"), "--compare", at("short"), "-o", at("cmp.html")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("cover different periods (14 days from 2024-01-01 vs 10 days from "
                               "2024-01-01); the report compares the same days; no report "
                               "written"));
  EXPECT_FALSE(fs::exists(tmp() / "cmp.html"));
}

}  // namespace
}  // namespace bf::apps::testing
