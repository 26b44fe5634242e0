// End-to-end tests of `borderflow run`: the result folder's contents, determinism, the
// all-or-nothing output folder, the --days override, and a consistency check of the default
// scenario against the published December 2023 Border Patrol encounters.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_process.h"

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr int kSectors = 9;
constexpr int kTinyDays = 14;
constexpr const char* kTiny = "scenarios/examples/tiny.yaml";

const std::vector<std::string> kResultFiles = {
    ".borderflow-result", "days.csv",      "reference_days.csv", "report.html",
    "results.sqlite",     "scenario.json", "sector_days.csv",    "summary.json"};
const std::vector<std::string> kComparedFiles = {
    "sector_days.csv", "days.csv",    "summary.json",      "scenario.json",
    "results.sqlite",  "report.html", "reference_days.csv"};

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, sep)) fields.push_back(field);
  return fields;
}

std::vector<std::string> lines_of(const std::string& text) { return split(text, '\n'); }

// SELECT count(*) FROM `table` in the SQLite file at `path`; -1 on any error.
std::int64_t count_rows(const fs::path& path, const std::string& table) {
  sqlite3* db = nullptr;
  std::int64_t n = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = "SELECT count(*) FROM " + table;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      n = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return n;
}

// The value stored under `key` in the run table; "" if absent.
std::string run_info(const fs::path& path, const std::string& key) {
  sqlite3* db = nullptr;
  std::string value;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT value FROM run WHERE key = ?", -1, &stmt, nullptr) ==
        SQLITE_OK) {
      sqlite3_bind_text(stmt, 1, key.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(stmt) == SQLITE_ROW) {
        value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      }
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return value;
}

class RunTest : public CliTest {
 protected:
  // Entries of tmp() other than `keep` whose name contains ".tmp-" or ".old-".
  std::vector<std::string> leftovers() const {
    std::vector<std::string> found;
    for (const std::string& name : entries(tmp())) {
      if (name.find(".tmp-") != std::string::npos || name.find(".old-") != std::string::npos) {
        found.push_back(name);
      }
    }
    return found;
  }
  // A scenario that fails to load: an unknown key.
  std::string write_bad_scenario() {
    write_bytes(tmp() / "bad.yaml",
                "start: 2024-01-01\n"
                "days: 3\n"
                "arrivals: {table: tiny-arrivals.csv}\n"
                "sedd: 1\n");
    return at("bad.yaml");
  }
};

TEST_F(RunTest, TinyWritesExactlyTheResultFiles) {
  const std::string out = at("out");
  const CliResult r = cli({"run", kTiny, "--out", out, "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(entries(out), kResultFiles);
  EXPECT_THAT(entries(tmp()), ElementsAre("out"));
  EXPECT_TRUE(leftovers().empty());

  const std::vector<std::string> sector_days =
      lines_of(read_bytes(fs::path(out) / "sector_days.csv"));
  ASSERT_EQ(sector_days.size(), 1u + kTinyDays * kSectors);
  EXPECT_THAT(sector_days[0], ::testing::StartsWith("date,sector,"));
  EXPECT_EQ(lines_of(read_bytes(fs::path(out) / "days.csv")).size(), 1u + kTinyDays);

  const auto summary = nlohmann::json::parse(read_bytes(fs::path(out) / "summary.json"));
  const auto& provenance = summary.at("provenance");
  EXPECT_EQ(provenance.at("seed").get<std::uint64_t>(), 42u);
  EXPECT_EQ(provenance.at("days").get<int>(), kTinyDays);
  EXPECT_EQ(provenance.at("scenario_file").get<std::string>(), kTiny);
  EXPECT_EQ(provenance.at("version").get<std::string>(), "0.1.0");
  const std::string fingerprint = provenance.at("fingerprint").get<std::string>();
  EXPECT_FALSE(fingerprint.empty());
  EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos) << fingerprint;

  const fs::path db = fs::path(out) / "results.sqlite";
  EXPECT_EQ(count_rows(db, "sector_days"), kTinyDays * kSectors);
  EXPECT_EQ(count_rows(db, "days"), kTinyDays);
  EXPECT_EQ(run_info(db, "fingerprint"), fingerprint);
  EXPECT_EQ(run_info(db, "seed"), "42");

  // scenario.json is the resolved spec; it must parse.
  EXPECT_TRUE(nlohmann::json::accept(read_bytes(fs::path(out) / "scenario.json")));

  // The last line names the fingerprint and the folder.
  EXPECT_THAT(r.out, HasSubstr("fingerprint " + fingerprint + "; results in " + out + "/\n"));
}

// A crossing key holding a comma and quotes (issue 19: it broke port_days.csv): the file
// quotes it per RFC 4180, and the report, which reads the file back, is written.
TEST_F(RunTest, CrossingKeysWithCommasAndQuotesAreQuotedInPortDays) {
  fs::copy_file("scenarios/examples/tiny.yaml", tmp() / "tiny.yaml");
  fs::copy_file("scenarios/examples/tiny-arrivals.csv", tmp() / "tiny-arrivals.csv");
  write_bytes(
      tmp() / "traffic.csv",
      "crossing,month,mode,units_per_day\n\"bridge, \"\"old\"\"\",2024-01,pedestrian,500\n");
  write_bytes(tmp() / "q.yaml",
              "extends: tiny.yaml\nports:\n  traffic_table: traffic.csv\n  crossings:\n"
              "    \"bridge, \\\"old\\\"\": {sector: del_rio, traffic_officers: 4,\n"
              "      lanes: {pedestrian: {lanes: 2, per_lane_hour: 120}}}\n");
  const CliResult r = cli({"run", at("q.yaml"), "--out", at("out"), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string days = read_bytes(tmp() / "out" / "port_days.csv");
  EXPECT_THAT(days, HasSubstr("\n2024-01-01,\"bridge, \"\"old\"\"\",")) << days.substr(0, 300);
  EXPECT_TRUE(fs::exists(tmp() / "out" / "report.html"));
}

TEST_F(RunTest, WithoutQuietPrintsOneLinePerDay) {
  const CliResult quiet = cli({"run", kTiny, "--out", at("q"), "--quiet"});
  const CliResult loud = cli({"run", kTiny, "--out", at("l")});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  ASSERT_EQ(loud.exit_code, 0) << loud.err;
  // A header line, one line a day and a blank line, before the same final summary.
  EXPECT_EQ(lines_of(loud.out).size(), lines_of(quiet.out).size() + 1 + kTinyDays + 1);
}

TEST_F(RunTest, SameSeedGivesByteIdenticalResults) {
  ASSERT_EQ(cli({"run", kTiny, "--out", at("a"), "--quiet"}).exit_code, 0);
  ASSERT_EQ(cli({"run", kTiny, "--out", at("b"), "--quiet", "--seed", "42"}).exit_code, 0);
  for (const std::string& name : kComparedFiles) {
    const std::string a = read_bytes(tmp() / "a" / name);
    EXPECT_FALSE(a.empty()) << name;
    EXPECT_TRUE(a == read_bytes(tmp() / "b" / name)) << name << " differs";
  }
}

TEST_F(RunTest, DifferentSeedGivesDifferentResults) {
  ASSERT_EQ(cli({"run", kTiny, "--out", at("a"), "--quiet", "--seed", "7"}).exit_code, 0);
  ASSERT_EQ(cli({"run", kTiny, "--out", at("b"), "--quiet", "--seed", "8"}).exit_code, 0);
  EXPECT_NE(read_bytes(tmp() / "a" / "sector_days.csv"),
            read_bytes(tmp() / "b" / "sector_days.csv"));
  const auto a = nlohmann::json::parse(read_bytes(tmp() / "a" / "summary.json"));
  const auto b = nlohmann::json::parse(read_bytes(tmp() / "b" / "summary.json"));
  EXPECT_EQ(a.at("provenance").at("seed").get<std::uint64_t>(), 7u);
  EXPECT_EQ(b.at("provenance").at("seed").get<std::uint64_t>(), 8u);
  EXPECT_NE(a.at("provenance").at("fingerprint"), b.at("provenance").at("fingerprint"));
}

TEST_F(RunTest, RerunReplacesAPreviousResult) {
  const std::string out = at("out");
  ASSERT_EQ(cli({"run", kTiny, "--out", out, "--quiet", "--seed", "1"}).exit_code, 0);
  const CliResult r = cli({"run", kTiny, "--out", out, "--quiet", "--seed", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(entries(out), kResultFiles);
  EXPECT_THAT(entries(tmp()), ElementsAre("out"));
  const auto summary = nlohmann::json::parse(read_bytes(fs::path(out) / "summary.json"));
  EXPECT_EQ(summary.at("provenance").at("seed").get<std::uint64_t>(), 2u);
}

TEST_F(RunTest, BadScenarioCreatesNothing) {
  const std::string bad = write_bad_scenario();
  const std::string out = at("out");
  const CliResult r = cli({"run", bad, "--out", out});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(bad + ":4:1: error: "));
  EXPECT_THAT(r.err, HasSubstr("nothing was run"));
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(fs::exists(out));
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(RunTest, BadScenarioLeavesThePreviousResultIntact) {
  const std::string out = at("out");
  ASSERT_EQ(cli({"run", kTiny, "--out", out, "--quiet"}).exit_code, 0);
  std::map<std::string, std::string> before;
  for (const std::string& name : kResultFiles) before[name] = read_bytes(fs::path(out) / name);

  const CliResult r = cli({"run", write_bad_scenario(), "--out", out});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(entries(out), kResultFiles);
  for (const std::string& name : kResultFiles) {
    EXPECT_TRUE(read_bytes(fs::path(out) / name) == before[name]) << name << " changed";
  }
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(RunTest, OutUnderARegularFileIsBadInput) {
  write_bytes(tmp() / "file", "not a folder\n");
  const std::string out = at("file") + "/out";
  const CliResult r = cli({"run", kTiny, "--out", out, "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  // The message names the offending parent, the regular file.
  EXPECT_EQ(r.err,
            "borderflow: error: parent of output folder '" + at("file") + "' is not a folder\n");
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(entries(tmp()), ElementsAre("file"));
  EXPECT_EQ(read_bytes(tmp() / "file"), "not a folder\n");
}

TEST_F(RunTest, OutIsARegularFileIsBadInput) {
  write_bytes(tmp() / "out", "keep me\n");
  const CliResult r = cli({"run", kTiny, "--out", at("out"), "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "borderflow: error: output folder '" + at("out") + "' exists and is not a folder\n");
  EXPECT_EQ(read_bytes(tmp() / "out"), "keep me\n");
  EXPECT_THAT(entries(tmp()), ElementsAre("out"));
}

TEST_F(RunTest, ForeignNonEmptyFolderIsNotReplaced) {
  fs::create_directory(tmp() / "out");
  write_bytes(tmp() / "out" / "notes.txt", "mine\n");
  const CliResult r = cli({"run", kTiny, "--out", at("out"), "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "borderflow: error: refusing to replace folder '" + at("out") +
                       "': it is neither empty nor a borderflow result (no .borderflow-result "
                       "file)\n");
  EXPECT_THAT(entries(tmp() / "out"), ElementsAre("notes.txt"));
  EXPECT_EQ(read_bytes(tmp() / "out" / "notes.txt"), "mine\n");
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(RunTest, DaysOverride) {
  // A scenario without surges, so any horizon is valid.
  fs::copy_file("scenarios/examples/tiny-arrivals.csv", tmp() / "tiny-arrivals.csv");
  write_bytes(tmp() / "plain.yaml",
              "start: 2024-01-01\n"
              "days: 14\n"
              "arrivals: {table: tiny-arrivals.csv}\n");
  const std::string out = at("out");
  const CliResult r = cli({"run", at("plain.yaml"), "--out", out, "--quiet", "--days", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines_of(read_bytes(fs::path(out) / "sector_days.csv")).size(), 1u + 3 * kSectors);
  EXPECT_EQ(lines_of(read_bytes(fs::path(out) / "days.csv")).size(), 1u + 3);
  EXPECT_EQ(count_rows(fs::path(out) / "results.sqlite", "sector_days"), 3 * kSectors);
  const auto summary = nlohmann::json::parse(read_bytes(fs::path(out) / "summary.json"));
  EXPECT_EQ(summary.at("provenance").at("days").get<int>(), 3);
}

TEST_F(RunTest, DaysOverrideOnTheTinyExample) {
  // The example's surge runs 2024-01-05..07, so 7 days still contain it.
  const std::string out = at("out");
  const CliResult r = cli({"run", kTiny, "--out", out, "--quiet", "--days", "7"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines_of(read_bytes(fs::path(out) / "sector_days.csv")).size(), 1u + 7 * kSectors);
}

TEST_F(RunTest, DaysOverrideThatCutsASurgeIsBadInput) {
  // Pins today's behaviour: a shorter horizon does not drop the surge, it is an error.
  const CliResult r = cli({"run", kTiny, "--out", at("out"), "--quiet", "--days", "3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(first_line(r.err),
            std::string(kTiny) +
                ":23:53: error: surges[0]: 2024-01-05 to 2024-01-07 is not within the run "
                "(2024-01-01 to 2024-01-03)");
  EXPECT_TRUE(entries(tmp()).empty());
}

TEST_F(RunTest, DaysMustBePositive) {
  for (const char* days : {"0", "-1", "three"}) {
    const CliResult r = cli({"run", kTiny, "--out", at("out"), "--quiet", "--days", days});
    EXPECT_EQ(r.exit_code, 2) << "--days " << days;
    EXPECT_NE(r.err, "") << "--days " << days;
    EXPECT_FALSE(fs::exists(at("out"))) << "--days " << days;
  }
  EXPECT_TRUE(entries(tmp()).empty());
}

TEST_F(RunTest, DaysAndSeedOutOfRangeAreExplained) {
  CliResult r = cli({"run", kTiny, "--out", at("out"), "--days", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(first_line(r.err), "--days: Value 0 not in range 1 to 36525");
  for (const char* seed : {"-3", "18446744073709551616", "1e3"}) {
    r = cli({"run", kTiny, "--out", at("out"), "--seed", seed});
    EXPECT_EQ(r.exit_code, 2) << seed;
    EXPECT_EQ(first_line(r.err), std::string("--seed: '") + seed +
                                     "' is not a whole number from 0 to 18446744073709551615");
  }
  EXPECT_TRUE(entries(tmp()).empty());
}

// The default scenario replays December 2023 - March 2024. Its December encounters, summed
// from sector_days.csv, must come close to the published USBP figures (CBP Southwest Land
// Border Encounters, FY2024, USBP by sector): the model draws arrivals around the monthly
// means, so an exact match is not expected, but a factor error in calibration, the day
// split or the output would show.
TEST_F(RunTest, DefaultScenarioMatchesDecember2023) {
  const std::string out = at("out");
  const CliResult r = cli({"run", "scenarios/december-2023.yaml", "--out", out, "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  const std::vector<std::string> rows = lines_of(read_bytes(fs::path(out) / "sector_days.csv"));
  ASSERT_GT(rows.size(), 1u);
  const std::vector<std::string> header = split(rows[0], ',');
  const auto column = [&header](const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<int>(i);
    }
    ADD_FAILURE() << "no column " << name << " in sector_days.csv";
    return -1;
  };
  const int date_col = column("date");
  const int sector_col = column("sector");
  const int encounters_col = column("encounters");
  ASSERT_GE(date_col, 0);
  ASSERT_GE(sector_col, 0);
  ASSERT_GE(encounters_col, 0);

  std::map<std::string, double> december;
  double total = 0;
  int december_rows = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::vector<std::string> f = split(rows[i], ',');
    ASSERT_GT(f.size(), static_cast<std::size_t>(encounters_col)) << rows[i];
    if (f[date_col].rfind("2023-12-", 0) != 0) continue;
    const double n = std::stod(f[encounters_col]);
    december[f[sector_col]] += n;
    total += n;
    ++december_rows;
  }
  EXPECT_EQ(december_rows, 31 * kSectors);

  const std::map<std::string, double> published = {{"tucson", 80180},
                                                   {"del_rio", 71050},
                                                   {"san_diego", 34370},
                                                   {"el_paso", 33970},
                                                   {"rio_grande_valley", 18220}};
  for (const auto& [sector, expected] : published) {
    EXPECT_NEAR(december[sector], expected, 0.10 * expected) << sector;
  }
  EXPECT_NEAR(total, 249740, 0.05 * 249740);
}

}  // namespace
}  // namespace bf::apps::testing
