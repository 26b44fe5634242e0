// Checks the readers and the derivation against the real published files, if present in
// ../shared/data/cbp_encounters/ next to the source tree (they are not part of the project;
// see docs/data.md). Also checks that the shipped table is exactly what the code derives.

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "ingest/arrival_table_builder.h"
#include "ingest/data_cbp_encounters.h"
#include "ingest/data_ohss_regions.h"
#include "ingest/data_ohss_sectors.h"
#include "model/population.h"

namespace bf::ingest {
namespace {

const std::filesystem::path kRealData =
    std::filesystem::path(BF_SOURCE_DIR) / "../shared/data/cbp_encounters";
const std::filesystem::path kAugRelease = kRealData / "sbo-encounters-fy22-fy25-aug.csv";
const std::filesystem::path kFebRelease = kRealData / "sbo-encounters-fy21-fy25-feb.csv";
const std::filesystem::path kOhss = kRealData / "ohss_khsm_usbp_monthly_region_sector.csv";
const std::filesystem::path kOhssCitizenship =
    kRealData / "ohss_khsm_usbp_monthly_region_citizenship.csv";
const std::filesystem::path kOhssFamily =
    kRealData / "ohss_khsm_usbp_monthly_region_family_status.csv";
const std::filesystem::path kArrivals = std::filesystem::path(BF_SOURCE_DIR) / "data/arrivals";
constexpr util::YearMonth kDec2023{2023, 12};

// OHSS, December 2023, in model::kSectorKeys order (rounded to 10 by OHSS).
constexpr std::array<std::int64_t, model::kSectorCount> kDecSectors = {
    34370, 2220, 7140, 80180, 33970, 320, 71050, 2270, 18220};
// CBP, December 2023, Border Patrol by demographic (exact counts).
constexpr std::array<std::int64_t, model::kDemographicCount> kDecDemographics = {135577, 101707,
                                                                                 12456, 0};

class RealData : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kAugRelease) || !std::filesystem::exists(kFebRelease) ||
        !std::filesystem::exists(kOhss) || !std::filesystem::exists(kOhssCitizenship) ||
        !std::filesystem::exists(kOhssFamily)) {
      GTEST_SKIP() << "real data not found in " << kRealData;
    }
  }
};

CbpEncounterTable read_cbp(const std::filesystem::path& path) {
  return parse_cbp_encounters(read_file_bytes(path).bytes.value_or(""), path.filename().string());
}
OhssSectorTable read_ohss() {
  return parse_ohss_sectors(read_file_bytes(kOhss).bytes.value_or(""), kOhss.filename().string());
}

TEST_F(RealData, BothCbpReleasesParseCompletely) {
  for (const auto& [path, rows] : {std::pair{kAugRelease, 1936}, std::pair{kFebRelease, 2416}}) {
    const CbpEncounterTable t = read_cbp(path);
    EXPECT_TRUE(t.ok()) << (t.errors.empty() ? "" : t.errors.front().to_string());
    EXPECT_EQ(t.data_rows, rows);
    EXPECT_EQ(t.rows.size(), static_cast<std::size_t>(rows));
    std::array<std::int64_t, model::kDemographicCount> by_demographic{};
    for (const CbpEncounterRow& r : t.rows) {
      if (r.month == kDec2023 && r.component == CbpComponent::kBorderPatrol) {
        by_demographic[model::index_of(r.demographic)] += r.encounters;
      }
    }
    EXPECT_EQ(by_demographic, kDecDemographics) << path;
  }
}

TEST_F(RealData, OhssSectorsParseCompletely) {
  const OhssSectorTable t = read_ohss();
  EXPECT_TRUE(t.ok()) << (t.errors.empty() ? "" : t.errors.front().to_string());
  EXPECT_EQ(t.data_rows, 5830);
  EXPECT_EQ(t.rows.size(), 2718u);  // 9 sectors × 302 months
  EXPECT_EQ(t.other_regions, 5830 - 2718);
  std::array<std::int64_t, model::kSectorCount> dec{};
  for (const OhssSectorRow& r : t.rows) {
    if (r.month == kDec2023) dec[r.sector] = r.encounters;
  }
  EXPECT_EQ(dec, kDecSectors);
}

TEST_F(RealData, December2023MarginsAreReproduced) {
  const ArrivalTableResult t =
      build_arrival_table(read_cbp(kAugRelease), read_ohss(), kDec2023, kDec2023);
  ASSERT_TRUE(t.ok());
  std::array<double, model::kSectorCount> by_sector{};
  std::array<double, model::kDemographicCount> by_demographic{};
  for (const model::ArrivalLevel& r : t.rows) {
    by_sector[r.sector] += r.encounters_per_day * 31;
    by_demographic[model::index_of(r.demographic)] += r.encounters_per_day * 31;
  }
  for (int s = 0; s < model::kSectorCount; ++s) {
    EXPECT_NEAR(by_sector[s], static_cast<double>(kDecSectors[s]), 1e-6) << s;
  }
  // The OHSS sector totals of December 2023 add up to 249,740, exactly CBP's Border Patrol
  // total, so the demographic margins come out exact too (other months differ by rounding).
  for (int d = 0; d < model::kDemographicCount; ++d) {
    EXPECT_NEAR(by_demographic[d], static_cast<double>(kDecDemographics[d]), 1e-6) << d;
  }
}

// The shipped tables, each exactly as `borderflow calibrate` derives it with the command in
// its "# derived by:" line (both CBP releases, OHSS sectors, and both region checks).
TEST_F(RealData, ShippedTablesAreWhatCalibrateDerives) {
  const std::filesystem::path dir = std::filesystem::path(BF_BINARY_DIR) / "calibrate_real";
  std::filesystem::create_directories(dir);
  // The decade table reaches before CBP's file, so it needs OHSS's monthly tables (Title 42).
  const std::filesystem::path tables =
      kRealData / "../ohss_enforcement_tables/ohss_ielp_monthly_tables_2024-08_long.csv";
  for (const auto& [name, first, last, with_tables] :
       {std::tuple{"usbp-2023-12-to-2024-03.csv", kDec2023, util::YearMonth{2024, 3}, false},
        std::tuple{"usbp-2023-11-to-2024-01.csv", util::YearMonth{2023, 11},
                   util::YearMonth{2024, 1}, false},
        std::tuple{"usbp-2022-10-to-2024-09.csv", util::YearMonth{2022, 10},
                   util::YearMonth{2024, 9}, false},
        std::tuple{"usbp-2013-10-to-2024-08.csv", util::YearMonth{2013, 10},
                   util::YearMonth{2024, 8}, true}}) {
    const std::filesystem::path out = dir / name;
    std::ostringstream log, err;
    ASSERT_EQ(run_calibrate({{kFebRelease, kAugRelease},
                             kOhss,
                             out,
                             first,
                             last,
                             kOhssCitizenship,
                             kOhssFamily,
                             with_tables ? tables : std::filesystem::path()},
                            log, err),
              kCalibrateOk)
        << err.str();
    const auto derived = read_file_bytes(out).bytes;
    const auto shipped = read_file_bytes(kArrivals / name).bytes;
    ASSERT_TRUE(derived && shipped) << name;
    EXPECT_TRUE(*derived == *shipped)
        << "data/arrivals/" << name
        << " is out of date; regenerate it with borderflow calibrate (docs/data.md) or copy "
        << out;
  }
}

// Reads a shipped table back: sum over rows of encounters_per_day × days in the month, for
// the months in [first, last], and the number of rows summed.
std::pair<double, int> table_total(const std::filesystem::path& path, util::YearMonth first,
                                   util::YearMonth last) {
  std::istringstream in(read_file_bytes(path).bytes.value_or(""));
  double total = 0.0;
  int rows = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.rfind("sector,", 0) == 0) continue;
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string x; std::getline(fields, x, ',');) f.push_back(x);
    const util::YearMonth ym{std::stoi(f[1].substr(0, 4)), std::stoi(f[1].substr(5, 2))};
    if (ym < first || last < ym) continue;
    total += std::stod(f[4]) * util::days_in_month(ym.year, ym.month);
    ++rows;
  }
  return {total, rows};
}

// "Exactly": the table stores 4 decimals per cell and day, so a sum over n cells of
// value × days can be off by at most n × 0.00005 × 31 from the fitted total; the fitted total
// itself equals CBP's published count (to 1e-6). We require both: the sum rounds to the
// published integer, and lies within that bound of it.
void expect_reproduces(std::int64_t published, util::YearMonth first, util::YearMonth last) {
  const auto [total, rows] = table_total(kArrivals / "usbp-2022-10-to-2024-09.csv", first, last);
  ASSERT_GT(rows, 0);
  EXPECT_EQ(std::llround(total), published) << first.to_string() << ".." << last.to_string();
  EXPECT_LE(std::abs(total - static_cast<double>(published)), rows * 0.00005 * 31)
      << first.to_string() << ".." << last.to_string();
}

TEST_F(RealData, ReplayTableReproducesPublishedSouthwestTotals) {
  // CBP Southwest Border Patrol encounters (docs/data.md; PROVENANCE 5.1).
  expect_reproduces(249'740, kDec2023, kDec2023);
  expect_reproduces(2'045'838, {2022, 10}, {2023, 9});  // FY2023
  expect_reproduces(1'530'523, {2023, 10}, {2024, 9});  // FY2024
  // And from the builder, before the 4-decimal rounding, to floating-point accuracy.
  const ArrivalTableResult t =
      build_arrival_table(read_cbp(kAugRelease), read_ohss(), {2022, 10}, {2023, 9});
  ASSERT_TRUE(t.ok());
  double total = 0.0;
  for (const model::ArrivalLevel& r : t.rows) {
    total += r.encounters_per_day * util::days_in_month(r.month.year, r.month.month);
  }
  EXPECT_NEAR(total, 2'045'838.0, 1e-6);
  for (const ArrivalMonthFit& fit : t.fits) {
    EXPECT_EQ(fit.sweeps, 1) << fit.month.to_string();
    EXPECT_LT(fit.max_relative_margin_error, 1e-12) << fit.month.to_string();
    EXPECT_LE(std::llabs(fit.cbp_total - fit.ohss_total), 45) << fit.month.to_string();
  }
}

// Title 42 ended on 11 May 2023: October 2022 has CBP's 80,054 of 205,134 Border Patrol
// encounters as Title 42 expulsions; from June 2023 on every share is 0.
TEST_F(RealData, Title42SharesFollowCbp) {
  const ArrivalTableResult t =
      build_arrival_table(read_cbp(kAugRelease), read_ohss(), {2022, 10}, {2023, 6});
  ASSERT_TRUE(t.ok());
  double t42 = 0.0;
  for (const model::ArrivalLevel& r : t.rows) {
    EXPECT_GE(r.title42_share, 0.0);
    EXPECT_LE(r.title42_share, 1.0);
    if (r.month == util::YearMonth{2022, 10}) t42 += r.encounters_per_day * 31 * r.title42_share;
    if (r.month == util::YearMonth{2023, 6}) {
      EXPECT_EQ(r.title42_share, 0.0);
    }
  }
  EXPECT_NEAR(t42, 80'054.0, 1e-6);
}

// Overlapping real releases: FY2023–FY2024 are identical in both; October 2024 was revised
// (Feb release 56,523, Aug release 56,520) and comes from the August release whatever the
// order; FY2021 exists only in the February release and is kept.
TEST_F(RealData, OverlappingReleasesTakeTheLatest) {
  for (const bool aug_first : {false, true}) {
    const CbpEncounterTable feb = read_cbp(kFebRelease);
    const CbpEncounterTable aug = read_cbp(kAugRelease);
    const CbpEncounterTable both =
        aug_first ? combine_cbp_releases({aug, feb}) : combine_cbp_releases({feb, aug});
    std::int64_t oct2024 = 0, oct2020 = 0;
    for (const CbpEncounterRow& r : both.rows) {
      if (r.component != CbpComponent::kBorderPatrol) continue;
      if (r.month == util::YearMonth{2024, 10}) oct2024 += r.encounters;
      if (r.month == util::YearMonth{2020, 10}) oct2020 += r.encounters;
    }
    EXPECT_EQ(oct2024, 56'520);
    EXPECT_GT(oct2020, 0);
  }
}

// The consistency checks on the real files: CBP's national citizenship and demographic
// counts against OHSS's Southwest region margins, October 2022 – September 2024. The largest
// gaps are pinned so a new release that moves them is noticed (docs/data.md lists them).
TEST_F(RealData, RegionMarginsAgreeWithCbpWithinRounding) {
  const CbpEncounterTable cbp = read_cbp(kAugRelease);
  const OhssRegionTable cit =
      parse_ohss_citizenship(read_file_bytes(kOhssCitizenship).bytes.value_or(""), "cit.csv");
  const OhssRegionTable fam =
      parse_ohss_family_status(read_file_bytes(kOhssFamily).bytes.value_or(""), "fam.csv");
  ASSERT_TRUE(cit.ok()) << (cit.errors.empty() ? "" : cit.errors.front().to_string());
  ASSERT_TRUE(fam.ok()) << (fam.errors.empty() ? "" : fam.errors.front().to_string());
  const MarginCheck by_citizenship = check_region_margins(cbp, cit, true, {2022, 10}, {2024, 9});
  const MarginCheck by_demographic = check_region_margins(cbp, fam, false, {2022, 10}, {2024, 9});
  ASSERT_TRUE(by_citizenship.errors.empty() && by_demographic.errors.empty());
  ASSERT_TRUE(by_citizenship.largest() && by_demographic.largest());
  // Other, March 2023: CBP 59,857, OHSS 59,910 (a sum of ~80 countries each rounded to 10).
  EXPECT_EQ(by_citizenship.largest()->difference(), -53);
  EXPECT_EQ(by_citizenship.largest()->month, (util::YearMonth{2023, 3}));
  EXPECT_EQ(by_citizenship.largest()->category, model::index_of(model::Citizenship::kOther));
  // Family status: never more than one rounding (5) from CBP.
  EXPECT_EQ(std::llabs(by_demographic.largest()->difference()), 5);
  // Small against the counts: under 0.5% of any group with 10,000 or more encounters.
  for (const auto* check : {&by_citizenship, &by_demographic}) {
    for (const MarginDiscrepancy& d : check->cells) {
      if (d.cbp >= 10'000) {
        EXPECT_LT(std::abs(static_cast<double>(d.difference())) / static_cast<double>(d.cbp), 0.005)
            << d.month.to_string() << " " << d.category;
      }
    }
  }
}

}  // namespace
}  // namespace bf::ingest
