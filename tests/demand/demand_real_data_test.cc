// The demand model on the published OHSS sector series (../shared/data, beside the source
// tree; skipped when absent): the evidence docs/model.md quotes.

#include <gtest/gtest.h>

#include <filesystem>

#include "demand/interventions.h"
#include "demand/rolling_origin.h"
#include "ingest/data_error.h"

namespace bf::demand {
namespace {

const std::filesystem::path kSectors = std::filesystem::path(BF_SOURCE_DIR) /
                                       "../shared/data/cbp_encounters/"
                                       "ohss_khsm_usbp_monthly_region_sector.csv";

SectorSeries published() {
  const ingest::FileText text = ingest::read_file_bytes(kSectors);
  if (!text.bytes) return {};
  return SectorSeries::from_ohss(ingest::parse_ohss_sectors(*text.bytes, "sectors.csv"));
}

TEST(DemandRealDataTest, TheSeriesHoldsTheKnownMonths) {
  const SectorSeries series = published();
  if (series.empty()) GTEST_SKIP() << "real data not found: " << kSectors;
  EXPECT_EQ(series.total({2023, 12}), 249740.0);
  double fy2023 = 0.0;
  for (util::YearMonth m{2022, 10}; m <= util::YearMonth{2023, 9}; m = m.next()) {
    fy2023 += series.total(m);
  }
  // OHSS rounds each sector-month to 10, so the sum differs from CBP's 2,045,838 a little.
  EXPECT_NEAR(fy2023, 2045838.0, 9 * 12 * 5);
}

// The model beats each simple forecast at horizons 1–3 over the policy-free origins of the
// whole record (docs/validation.md, "Rolling-origin forecasts").
TEST(DemandRealDataTest, ModelBeatsTheSimpleForecastsByRollingOrigin) {
  const SectorSeries series = published();
  if (series.empty()) GTEST_SKIP() << "real data not found: " << kSectors;
  const RollingOriginResult r = rolling_origin(series, series.first(), series.last(), 3, {});
  EXPECT_GT(r.origins.size(), 200u);
  for (const HorizonErrors& e : r.total) {
    for (int m = 1; m <= 3; ++m) {
      EXPECT_LT(e.mean_absolute[0], e.mean_absolute[static_cast<std::size_t>(m)])
          << kMethodNames[static_cast<std::size_t>(m)];
    }
  }
}

// Every scenario effect is estimated, and each lowered encounters.
TEST(DemandRealDataTest, TheFourScenarioEffectsAreNegative) {
  const SectorSeries series = published();
  if (series.empty()) GTEST_SKIP() << "real data not found: " << kSectors;
  const RollingOriginResult r = rolling_origin(series, series.first(), series.last(), 4, {});
  int seen = 0;
  for (const EffectEstimate& e : estimate_effects(series, {}, r)) {
    if (e.sector >= 0 || !e.intervention->scenario_effect) continue;
    ++seen;
    EXPECT_LT(e.log_effect, 0.0) << e.intervention->name;
    EXPECT_GT(e.standard_error, 0.0) << e.intervention->name;
  }
  EXPECT_EQ(seen, 4);
}

}  // namespace
}  // namespace bf::demand
