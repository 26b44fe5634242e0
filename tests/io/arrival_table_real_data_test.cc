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

#include "io/arrival_table_builder.h"
#include "io/data_cbp_encounters.h"
#include "io/data_ohss_sectors.h"
#include "model/population.h"

namespace bf::io {
namespace {

const std::filesystem::path kRealData =
    std::filesystem::path(BF_SOURCE_DIR) / "../shared/data/cbp_encounters";
const std::filesystem::path kAugRelease = kRealData / "sbo-encounters-fy22-fy25-aug.csv";
const std::filesystem::path kFebRelease = kRealData / "sbo-encounters-fy21-fy25-feb.csv";
const std::filesystem::path kOhss = kRealData / "ohss_khsm_usbp_monthly_region_sector.csv";
const std::filesystem::path kShipped =
    std::filesystem::path(BF_SOURCE_DIR) / "data/arrivals/usbp-2023-12-to-2024-03.csv";
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
        !std::filesystem::exists(kOhss)) {
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

TEST_F(RealData, ShippedTableIsWhatCalibrateDerives) {
  const std::filesystem::path dir = std::filesystem::path(BF_BINARY_DIR) / "calibrate_real";
  std::filesystem::create_directories(dir);
  const std::filesystem::path out = dir / kShipped.filename();
  std::ostringstream err;
  ASSERT_EQ(run_calibrate({kAugRelease, kOhss, out, kDec2023, {2024, 3}}, err), kCalibrateOk)
      << err.str();
  const auto derived = read_file_bytes(out).bytes;
  const auto shipped = read_file_bytes(kShipped).bytes;
  ASSERT_TRUE(derived && shipped);
  EXPECT_TRUE(*derived == *shipped)
      << "data/arrivals is out of date; regenerate it with borderflow calibrate (docs/data.md)"
         " or copy "
      << out;
}

}  // namespace
}  // namespace bf::io
