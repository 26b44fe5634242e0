// The estimate of national demographic × citizenship cells from OHSS's margins, on hand-made
// numbers: margins met, the reference's odds kept, Title 42 scaled and capped, errors named.
#include "ingest/arrival_cells_from_margins.h"

#include <gtest/gtest.h>

namespace bf::ingest {
namespace {

constexpr int kAdult = 0;   // model::Demographic::kSingleAdult
constexpr int kFamily = 1;  // kFamilyUnitMember
constexpr int kMexico = 0;  // model::Citizenship::kMexico
constexpr int kOther = 4;   // kOther

// A reference with two demographics × two citizenships: Mexicans mostly single adults, others
// mostly families; half the Mexican adults and a quarter of the others' adults expelled.
NationalCells reference() {
  NationalCells r;
  r.encounters[kAdult][kMexico] = 800;
  r.encounters[kAdult][kOther] = 200;
  r.encounters[kFamily][kMexico] = 100;
  r.encounters[kFamily][kOther] = 400;
  r.title42[kAdult][kMexico] = 400;
  r.title42[kAdult][kOther] = 50;
  return r;
}

MonthMargins margins() {
  MonthMargins m;
  m.month = {2019, 5};
  m.demographic[kAdult] = 600;
  m.demographic[kFamily] = 1400;
  m.citizenship[kMexico] = 500;
  m.citizenship[kOther] = 1500;
  m.total = 2000;
  return m;
}

double odds_ratio(const NationalCells& c) {
  return c.encounters[kAdult][kMexico] * c.encounters[kFamily][kOther] /
         (c.encounters[kAdult][kOther] * c.encounters[kFamily][kMexico]);
}

TEST(ArrivalCellsFromMargins, MeetsBothMarginsAndKeepsTheReferencesOdds) {
  const EstimatedCells e = estimate_cells_from_margins(reference(), margins());
  ASSERT_FALSE(e.error) << *e.error;
  const auto& n = e.cells.encounters;
  EXPECT_NEAR(n[kAdult][kMexico] + n[kAdult][kOther], 600, 1e-6);
  EXPECT_NEAR(n[kFamily][kMexico] + n[kFamily][kOther], 1400, 1e-6);
  EXPECT_NEAR(n[kAdult][kMexico] + n[kFamily][kMexico], 500, 1e-6);
  EXPECT_NEAR(n[kAdult][kOther] + n[kFamily][kOther], 1500, 1e-6);
  EXPECT_NEAR(odds_ratio(e.cells), odds_ratio(reference()), 1e-6);  // 16
  EXPECT_NEAR(e.cells.total(), 2000, 1e-6);
  EXPECT_EQ(e.cells.title42, NationalCells{}.title42);  // no expulsions before Title 42
}

// OHSS rounds each category to 10: margins summing to other than the sector total are
// scaled to it, both of them.
TEST(ArrivalCellsFromMargins, ScalesBothMarginsToTheSectorTotal) {
  MonthMargins m = margins();
  m.demographic[kAdult] = 610;   // sums to 2,010
  m.citizenship[kOther] = 1490;  // sums to 1,990
  const EstimatedCells e = estimate_cells_from_margins(reference(), m);
  ASSERT_FALSE(e.error);
  const auto& n = e.cells.encounters;
  EXPECT_NEAR(n[kAdult][kMexico] + n[kAdult][kOther], 610.0 * 2000 / 2010, 1e-6);
  EXPECT_NEAR(n[kAdult][kMexico] + n[kFamily][kMexico], 500.0 * 2000 / 1990, 1e-6);
  EXPECT_NEAR(e.cells.total(), 2000, 1e-6);
}

// The reference's propensities (0.5 and 0.25 of adults) times one factor: with every cell
// below 1 the factor is the total over the reference-weighted encounters.
TEST(ArrivalCellsFromMargins, Title42KeepsTheReferencesRelativePropensities) {
  MonthMargins m = margins();
  const EstimatedCells plain = estimate_cells_from_margins(reference(), m);
  ASSERT_FALSE(plain.error);
  const auto& n = plain.cells.encounters;
  const double weighted = 0.5 * n[kAdult][kMexico] + 0.25 * n[kAdult][kOther];
  m.title42[kAdult] = 0.8 * weighted;  // factor 0.8: shares 0.4 and 0.2
  const EstimatedCells e = estimate_cells_from_margins(reference(), m);
  ASSERT_FALSE(e.error);
  EXPECT_NEAR(e.cells.title42[kAdult][kMexico] / n[kAdult][kMexico], 0.4, 1e-9);
  EXPECT_NEAR(e.cells.title42[kAdult][kOther] / n[kAdult][kOther], 0.2, 1e-9);
  EXPECT_EQ(e.cells.title42[kFamily][kMexico], 0.0);  // never expelled in the reference
  EXPECT_EQ(e.cells.title42[kFamily][kOther], 0.0);
}

// A cell cannot expel more than it encounters: the Mexican adults saturate at 1 and the rest
// of the total goes to the others' adults.
TEST(ArrivalCellsFromMargins, Title42SharesStopAtOne) {
  MonthMargins m = margins();
  const EstimatedCells plain = estimate_cells_from_margins(reference(), m);
  const auto& n = plain.cells.encounters;
  m.title42[kAdult] = n[kAdult][kMexico] + 0.75 * n[kAdult][kOther];
  const EstimatedCells e = estimate_cells_from_margins(reference(), m);
  ASSERT_FALSE(e.error);
  EXPECT_NEAR(e.cells.title42[kAdult][kMexico], n[kAdult][kMexico], 1e-6);
  EXPECT_NEAR(e.cells.title42[kAdult][kOther] / n[kAdult][kOther], 0.75, 1e-9);

  m.title42[kAdult] = n[kAdult][kMexico] + n[kAdult][kOther] + 100;
  const EstimatedCells too_many = estimate_cells_from_margins(reference(), m);
  ASSERT_TRUE(too_many.error);
  EXPECT_NE(too_many.error->find("2019-05: "), std::string::npos) << *too_many.error;
  EXPECT_NE(too_many.error->find("single_adult Title 42 expulsions are more than"),
            std::string::npos);
  // Families were never expelled in the reference: any family expulsions cannot be placed.
  m.title42[kAdult] = 0;
  m.title42[kFamily] = 100;
  ASSERT_TRUE(estimate_cells_from_margins(reference(), m).error);
}

// Each family status's expulsions meet its own published total, whatever the others'.
TEST(ArrivalCellsFromMargins, Title42MeetsEachDemographicsTotal) {
  NationalCells r = reference();
  r.title42[kFamily][kOther] = 40;  // a tenth of the others' families expelled
  MonthMargins m = margins();
  m.title42[kAdult] = 100;
  m.title42[kFamily] = 50;
  const EstimatedCells e = estimate_cells_from_margins(r, m);
  ASSERT_FALSE(e.error) << *e.error;
  EXPECT_NEAR(e.cells.title42[kAdult][kMexico] + e.cells.title42[kAdult][kOther], 100, 1e-6);
  EXPECT_NEAR(e.cells.title42[kFamily][kOther], 50, 1e-6);
  EXPECT_EQ(e.cells.title42[kFamily][kMexico], 0.0);
}

TEST(ArrivalCellsFromMargins, MarginsTheReferenceCannotSeedAreErrors) {
  MonthMargins m = margins();
  m.demographic[2] = 100;  // unaccompanied children: none in the reference
  m.total = 2100;
  const EstimatedCells e = estimate_cells_from_margins(reference(), m);
  ASSERT_TRUE(e.error);
  EXPECT_EQ(*e.error,
            "2019-05: the reference has no unaccompanied_child encounters to take odds from");
  MonthMargins zero = margins();
  zero.total = 0;
  EXPECT_EQ(*estimate_cells_from_margins(reference(), zero).error,
            "2019-05: a Southwest margin or the sector total is 0");
}

}  // namespace
}  // namespace bf::ingest
