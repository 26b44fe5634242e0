#include "ingest/data_cbp_encounters.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "ingest/data_error.h"

namespace bf::ingest {
namespace {

using model::Citizenship;
using model::Demographic;

const std::filesystem::path kData = std::filesystem::path(BF_SOURCE_DIR) / "tests/ingest/data";

CbpEncounterTable read_sample(const std::string& name) {
  const FileText text = read_file_bytes(kData / name);
  EXPECT_TRUE(text.bytes) << name;
  return parse_cbp_encounters(text.bytes.value_or(""), name);
}

std::vector<std::string> messages(const std::vector<DataError>& errors) {
  std::vector<std::string> out;
  for (const DataError& e : errors) out.push_back(e.to_string());
  return out;
}

TEST(CbpEncounters, ReadsRowsAndMapsFiscalMonthsToCalendarMonths) {
  const CbpEncounterTable t = read_sample("cbp_encounters_small.csv");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  EXPECT_EQ(t.data_rows, 7);
  ASSERT_EQ(t.rows.size(), 7u);
  const CbpEncounterRow& first = t.rows[0];
  EXPECT_EQ(first.line, 2);
  EXPECT_EQ(first.fiscal_year, 2024);
  EXPECT_EQ(first.month, (util::YearMonth{2023, 12}));  // DEC of FY2024
  EXPECT_EQ(first.component, CbpComponent::kBorderPatrol);
  EXPECT_EQ(first.demographic, Demographic::kSingleAdult);
  EXPECT_EQ(first.citizenship, Citizenship::kMexico);
  EXPECT_EQ(first.title, CbpTitle::kTitle8);
  EXPECT_EQ(first.encounter_type, CbpEncounterType::kApprehensions);
  EXPECT_EQ(first.encounters, 600);
  EXPECT_EQ(t.rows[3].title, CbpTitle::kTitle42);
  EXPECT_EQ(t.rows[3].encounter_type, CbpEncounterType::kExpulsions);
  EXPECT_EQ(t.rows[4].component, CbpComponent::kFieldOperations);
  EXPECT_EQ(t.rows[4].encounter_type, CbpEncounterType::kInadmissibles);
  // JAN of FY2024 is 2024-01; a quoted count with a thousands separator is accepted.
  EXPECT_EQ(t.rows[5].month, (util::YearMonth{2024, 1}));
  EXPECT_EQ(t.rows[5].citizenship, Citizenship::kHonduras);
  EXPECT_EQ(t.rows[5].encounters, 1000);
  // The FY2021 label for unaccompanied children.
  EXPECT_EQ(t.rows[6].month, (util::YearMonth{2020, 10}));
  EXPECT_EQ(t.rows[6].demographic, Demographic::kUnaccompaniedChild);
  EXPECT_EQ(t.rows[6].citizenship, Citizenship::kElSalvador);
}

TEST(CbpEncounters, AcceptsByteOrderMarkAndCrlf) {
  const CbpEncounterTable t = read_sample("cbp_encounters_bom_crlf.csv");
  ASSERT_TRUE(t.ok()) << ::testing::PrintToString(messages(t.errors));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].demographic, Demographic::kAccompaniedMinor);
  EXPECT_EQ(t.rows[0].encounters, 12);  // no stray '\r' in the last field
  EXPECT_EQ(t.rows[1].month, (util::YearMonth{2024, 3}));
  EXPECT_EQ(t.rows[1].demographic, Demographic::kFamilyUnitMember);
  EXPECT_EQ(t.rows[1].encounters, 34);
}

TEST(CbpEncounters, FiscalYearToDateLabel) {
  const CbpEncounterTable t = read_sample("cbp_encounters_fytd.csv");
  EXPECT_EQ(messages(t.errors),
            std::vector<std::string>{"cbp_encounters_fytd.csv:5:1: fiscal year \"2025 (FY)\" is "
                                     "not a year like \"2024\" or \"2025 (FYTD)\""});
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].fiscal_year, 2025);
  EXPECT_EQ(t.rows[0].month, (util::YearMonth{2024, 10}));
  EXPECT_EQ(t.rows[1].month, (util::YearMonth{2025, 2}));
  EXPECT_EQ(t.rows[2].month, (util::YearMonth{2024, 9}));  // "Remaining" SEP of FY2024
}

TEST(CbpEncounters, RenamedAndMissingColumnsAreNamed) {
  const CbpEncounterTable t = read_sample("cbp_encounters_renamed_column.csv");
  EXPECT_EQ(messages(t.errors),
            (std::vector<std::string>{
                "cbp_encounters_renamed_column.csv:1: missing column \"Component\"",
                "cbp_encounters_renamed_column.csv:1:115: missing column \"Encounter Count\" "
                "(found \"Encounter Counts\" instead: renamed?)",
                "cbp_encounters_renamed_column.csv:1:41: unexpected column \"Agency\""}));
  EXPECT_TRUE(t.rows.empty());
}

TEST(CbpEncounters, EveryBadValueIsReportedWithItsColumn) {
  const CbpEncounterTable t = read_sample("cbp_encounters_bad_values.csv");
  EXPECT_EQ(messages(t.errors),
            (std::vector<std::string>{
                "cbp_encounters_bad_values.csv:2:77: encounter count \"12a\" is not a whole "
                "number",
                "cbp_encounters_bad_values.csv:3:80: encounter count \"\" is not a whole number",
                "cbp_encounters_bad_values.csv:4:34: unknown demographic \"Single Adult\" (did "
                "you mean \"Single Adults\"?)",
                "cbp_encounters_bad_values.csv:4:47: unknown citizenship grouping \"Venezuela\" "
                "(expected one of \"Mexico\", \"Guatemala\", \"Honduras\", \"El Salvador\", "
                "\"Other\")",
                "cbp_encounters_bad_values.csv:5:11: month \"Dec\" is not an abbreviation OCT, "
                "NOV, ..., SEP",
                "cbp_encounters_bad_values.csv:5:68: encounter count \"12,34\" is not a whole "
                "number",
                "cbp_encounters_bad_values.csv:7: duplicate row: same month, component, "
                "demographic, citizenship, title and encounter type as line 6"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].line, 6);
}

TEST(CbpEncounters, TruncatedLastLineIsAnError) {
  const CbpEncounterTable t = read_sample("cbp_encounters_truncated.csv");
  EXPECT_EQ(messages(t.errors),
            std::vector<std::string>{"cbp_encounters_truncated.csv:3:42: expected 9 fields, "
                                     "found 6 (truncated line?)"});
  EXPECT_EQ(t.data_rows, 2);
  EXPECT_EQ(t.rows.size(), 1u);
}

TEST(CbpEncounters, SyntaxErrorAndEmptyFile) {
  EXPECT_EQ(messages(parse_cbp_encounters("", "e.csv").errors),
            std::vector<std::string>{"e.csv: empty file (no header)"});
  EXPECT_EQ(messages(parse_cbp_encounters("a,\"b\n", "q.csv").errors),
            std::vector<std::string>{"q.csv:1:3: unterminated quoted field"});
}

TEST(CbpEncounters, MissingFileIsAnError) {
  const FileText text = read_file_bytes(kData / "no_such_file.csv");
  ASSERT_TRUE(text.error);
  EXPECT_EQ(text.error->message, "cannot open file");
}

// Overlapping releases: a month in several comes whole from the release with the latest data;
// months are never mixed or added across releases.
TEST(CbpEncounters, OverlappingReleasesTakeEachMonthFromTheLatestRelease) {
  // Latest month 2023-12, with November and a pre-revision December.
  const CbpEncounterTable older = read_sample("cbp_encounters_older_release.csv");
  // Latest month 2024-01 (DEC 2023 and JAN 2024, and OCT 2020).
  const CbpEncounterTable newer = read_sample("cbp_encounters_small.csv");
  ASSERT_TRUE(older.ok() && newer.ok());
  for (const auto& releases : {std::vector<CbpEncounterTable>{older, newer},
                               std::vector<CbpEncounterTable>{newer, older}}) {
    const CbpEncounterTable t = combine_cbp_releases(releases);
    EXPECT_TRUE(t.ok());
    EXPECT_EQ(t.data_rows, 3 + 7);
    std::int64_t nov = 0, dec = 0, dec_honduras = 0;
    for (const CbpEncounterRow& r : t.rows) {
      if (r.month == util::YearMonth{2023, 11}) nov += r.encounters;
      if (r.month == util::YearMonth{2023, 12} && r.component == CbpComponent::kBorderPatrol) {
        dec += r.encounters;
        if (r.citizenship == Citizenship::kHonduras) dec_honduras += r.encounters;
      }
    }
    EXPECT_EQ(nov, 500);         // only the older release has it
    EXPECT_EQ(dec, 1000);        // the newer release's December, whatever the order given
    EXPECT_EQ(dec_honduras, 0);  // the older release's December row is not mixed in
    EXPECT_EQ(t.rows.size(), 1u + 7u);
  }
  EXPECT_EQ(combine_cbp_releases({older, newer}).file,
            "cbp_encounters_older_release.csv + cbp_encounters_small.csv");
  // Equal latest months: the release given last wins.
  const CbpEncounterTable dec2023 = read_sample("cbp_encounters_dec2023.csv");
  std::int64_t dec = 0;
  for (const CbpEncounterRow& r : combine_cbp_releases({dec2023, older}).rows) {
    if (r.month == util::YearMonth{2023, 12}) dec += r.encounters;
  }
  EXPECT_EQ(dec, 999 + 7);
}

}  // namespace
}  // namespace bf::ingest
