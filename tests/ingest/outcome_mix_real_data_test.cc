// The outcome-mix calibration on the real published files, if present in ../shared/data next
// to the source tree (not part of the project; docs/data.md): the fitted cells add up to
// USBP's published book-outs, the shares are shares, the derivation's rules hold (accompanied
// minors and empty cells take their family status's shares, carried months repeat the last),
// bad ranges are refused, and the shipped table is exactly what the code derives.

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "ingest/outcome_mix_builder.h"

namespace bf::ingest {
namespace {

const std::filesystem::path kShared = std::filesystem::path(BF_SOURCE_DIR) / "../shared/data";
const std::filesystem::path kByAgency =
    kShared / "ohss_enforcement_tables/ohss_cbp_swb_bookouts_by_agency_monthly_fy2014_2024aug.csv";
const std::filesystem::path kTables =
    kShared / "ohss_enforcement_tables/ohss_ielp_monthly_tables_2024-08_long.csv";
const std::filesystem::path kFeb = kShared / "cbp_encounters/sbo-encounters-fy21-fy25-feb.csv";
const std::filesystem::path kAug = kShared / "cbp_encounters/sbo-encounters-fy22-fy25-aug.csv";
const std::filesystem::path kShipped =
    std::filesystem::path(BF_SOURCE_DIR) / "data/outcomes/usbp-outcome-mix-2021-10-to-2024-09.csv";

class OutcomeMixRealData : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& f : {kByAgency, kTables, kFeb, kAug}) {
      if (!std::filesystem::exists(f)) GTEST_SKIP() << "real data not found: " << f;
    }
    by_agency_ = parse_ohss_bookouts_by_agency(read(kByAgency), "by_agency.csv");
    tables_ = parse_ohss_monthly_tables(read(kTables), "tables.csv", outcome_mix_sheets());
    encounters_ = combine_cbp_releases(
        {parse_cbp_encounters(read(kFeb), "feb.csv"), parse_cbp_encounters(read(kAug), "aug.csv")});
    ASSERT_TRUE(by_agency_.ok() && tables_.ok() && encounters_.ok());
  }
  static std::string read(const std::filesystem::path& f) {
    return read_file_bytes(f).bytes.value_or("");
  }
  OutcomeMixResult build(util::YearMonth first, util::YearMonth last,
                         std::optional<util::YearMonth> carry_to = std::nullopt) const {
    return build_outcome_mix({by_agency_, tables_, encounters_}, first, last, carry_to);
  }
  OhssBookOutsTable by_agency_;
  OhssMonthlyTables tables_;
  CbpEncounterTable encounters_;
};

TEST_F(OutcomeMixRealData, CellsAddUpToUsbpBookOuts) {
  const OutcomeMixResult r = build({2022, 10}, {2024, 8});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.rows.size(), 23u * model::kDemographicCount * model::kCitizenshipCount);
  std::map<util::YearMonth, model::OutcomeShares> people;  // fitted book-outs per outcome
  for (const OutcomeMixRow& row : r.rows) {
    double sum = 0.0;
    for (double s : row.shares) {
      EXPECT_GE(s, 0.0);
      sum += s;
    }
    EXPECT_NEAR(sum, 1.0, 1e-12) << row.month.to_string();
    EXPECT_GE(row.ice_book_in_share, 0.0);
    EXPECT_LE(row.ice_book_in_share, 1.0);
    EXPECT_GT(row.ice_release_share, 0.0);
    EXPECT_LT(row.ice_release_share, 1.0);
    if (row.month == util::YearMonth{2023, 12}) {
      // ICE book-outs of CBP arrests, December 2023: 13,420, of which 4,790 removals.
      EXPECT_DOUBLE_EQ(row.ice_release_share, (13420.0 - 4790.0) / 13420.0);
    }
    if (row.demographic == model::Demographic::kAccompaniedMinor) {
      EXPECT_EQ(row.basis, "margin");
      EXPECT_EQ(row.bookouts, 0.0);
    }
    for (std::size_t o = 0; o < row.shares.size(); ++o) {
      people[row.month][o] += row.bookouts * row.shares[o];
    }
  }
  // December 2023, USBP (OHSS): T8 repatriations 19,180 (no MPP, Title 42 over), to ICE
  // 27,060, to HHS 11,610, released 191,810. The fit may leave about 1% off its margins.
  const auto& dec = people.at({2023, 12});
  EXPECT_NEAR(dec[static_cast<int>(model::Outcome::kReturned)], 19180, 0.01 * 19180);
  EXPECT_NEAR(dec[static_cast<int>(model::Outcome::kToIce)], 27060, 0.01 * 27060);
  EXPECT_NEAR(dec[static_cast<int>(model::Outcome::kToHhs)], 11610, 0.01 * 11610);
  EXPECT_NEAR(dec[static_cast<int>(model::Outcome::kReleased)], 191810, 0.01 * 191810);
  for (const OutcomeMixMonthFit& fit : r.fits) {
    EXPECT_LT(fit.misplaced_share, 0.011) << fit.month.to_string();
  }
  // ICE book-ins of CBP arrests, December 2023: 13,349 of 28,... CBP transfers (below 1).
  EXPECT_GT(r.fits[14].book_in_ratio, 0.3);
  EXPECT_LT(r.fits[14].book_in_ratio, 0.6);
}

// Months before the published series reach (issue 16): before CBP's file the seed is its
// first year's odds; before ICE's book-outs by arrest agency the release share is estimated
// from ICE's removals and returns of CBP arrests, its factor fitted on the first published year.
TEST_F(OutcomeMixRealData, MonthsBeforeTheSeriesReachAreEstimated) {
  const OutcomeMixResult r = build({2013, 10}, {2024, 8});
  ASSERT_TRUE(r.ok()) << r.errors.front().to_string();
  ASSERT_TRUE(r.release_factor && r.reference_first);
  EXPECT_EQ(*r.reference_first, (util::YearMonth{2020, 10}));
  EXPECT_EQ(r.release_factor_first, (util::YearMonth{2017, 10}));
  EXPECT_EQ(r.release_factor_last, (util::YearMonth{2018, 9}));
  int seeded = 0, estimated = 0;
  for (const OutcomeMixMonthFit& fit : r.fits) {
    seeded += fit.seeded_by_reference ? 1 : 0;
    estimated += fit.release_share_estimated ? 1 : 0;
    EXPECT_LT(fit.misplaced_share, 0.04) << fit.month.to_string();
  }
  EXPECT_EQ(seeded, 84);     // 2013-10 .. 2020-09
  EXPECT_EQ(estimated, 48);  // 2013-10 .. 2017-09

  model::OutcomeShares may2019{};
  for (const OutcomeMixRow& row : r.rows) {
    if (row.month == util::YearMonth{2019, 5}) {
      for (std::size_t o = 0; o < row.shares.size(); ++o) {
        may2019[o] += row.bookouts * row.shares[o];
      }
    }
    if (row.month == util::YearMonth{2017, 1}) {
      // ICE ERO removals and returns of CBP arrests 13,550; ICE book-ins of CBP arrests 19,230.
      EXPECT_DOUBLE_EQ(row.ice_release_share, 1.0 - *r.release_factor * 13550.0 / 19230.0);
    }
  }
  // USBP, May 2019 (OHSS): T8 repatriations 14,340 + MPP 5,050 returned, to ICE 41,470, to
  // HHS 10,510, released 61,300; the fit leaves at most 4% off its margins.
  EXPECT_NEAR(may2019[static_cast<int>(model::Outcome::kReturned)], 19390, 0.04 * 19390);
  EXPECT_NEAR(may2019[static_cast<int>(model::Outcome::kToIce)], 41470, 0.04 * 41470);
  EXPECT_NEAR(may2019[static_cast<int>(model::Outcome::kToHhs)], 10510, 0.04 * 10510);
  EXPECT_NEAR(may2019[static_cast<int>(model::Outcome::kReleased)], 61300, 0.04 * 61300);

  // The months the shorter table covers come out as in it.
  const OutcomeMixResult recent = build({2021, 10}, {2024, 8});
  ASSERT_TRUE(recent.ok());
  const std::size_t offset = r.rows.size() - recent.rows.size();
  for (std::size_t i = 0; i < recent.rows.size(); ++i) {
    const OutcomeMixRow& a = r.rows[offset + i];
    const OutcomeMixRow& b = recent.rows[i];
    ASSERT_EQ(a.month, b.month);
    EXPECT_EQ(a.shares, b.shares) << a.month.to_string();
    EXPECT_EQ(a.ice_release_share, b.ice_release_share);
    EXPECT_EQ(a.ice_book_in_share, b.ice_book_in_share);
  }
}

// The estimated release share tried where ICE published the answer: the factor fitted on
// FY2018 applied to FY2019's months. Measured: mean absolute error 0.042 (carrying FY2018's
// pooled share back instead would miss by 0.117).
TEST_F(OutcomeMixRealData, EstimatedReleaseShareMissesTheNextYearByLittle) {
  const OutcomeMixResult r = build({2017, 9}, {2017, 9});
  ASSERT_TRUE(r.ok() && r.release_factor);
  const auto rr = tables_.series(kOhssIceRemovalsByAgencySheet, "", "CBP");
  const auto in = tables_.series(kOhssIceBookInsByAgencySheet, "", "CBP");
  const auto out = tables_.series(kOhssIceBookOutsByAgencySheet, "CBP", "Total");
  const auto removed = tables_.series(kOhssIceBookOutsByAgencySheet, "CBP", kOhssIceRemovalBookOut);
  double error = 0.0;
  for (util::YearMonth m{2018, 10}; m <= util::YearMonth{2019, 9}; m = m.next()) {
    const double estimate =
        1.0 - *r.release_factor * static_cast<double>(*rr.at(m)) / static_cast<double>(*in.at(m));
    const double published =
        1.0 - static_cast<double>(*removed.at(m)) / static_cast<double>(*out.at(m));
    error += std::abs(estimate - published) / 12.0;
  }
  EXPECT_LT(error, 0.05);
}

TEST_F(OutcomeMixRealData, MexicansAreReturnedMoreThanOthers) {
  const OutcomeMixResult r = build({2023, 12}, {2023, 12});
  ASSERT_TRUE(r.ok());
  const auto share = [&](model::Demographic d, model::Citizenship c, model::Outcome o) {
    for (const OutcomeMixRow& row : r.rows) {
      if (row.demographic == d && row.citizenship == c) {
        return row.shares[static_cast<std::size_t>(o)];
      }
    }
    return -1.0;
  };
  using model::Citizenship;
  using model::Demographic;
  using model::Outcome;
  EXPECT_GT(share(Demographic::kSingleAdult, Citizenship::kMexico, Outcome::kReturned), 0.5);
  EXPECT_LT(share(Demographic::kSingleAdult, Citizenship::kOther, Outcome::kReturned), 0.05);
  EXPECT_GT(share(Demographic::kUnaccompaniedChild, Citizenship::kHonduras, Outcome::kToHhs), 0.9);
}

TEST_F(OutcomeMixRealData, CarriesAndRefusesBadRanges) {
  const OutcomeMixResult r = build({2024, 7}, {2024, 8}, util::YearMonth{2024, 10});
  ASSERT_TRUE(r.ok());
  const std::size_t per_month = model::kDemographicCount * model::kCitizenshipCount;
  ASSERT_EQ(r.rows.size(), 4 * per_month);
  for (std::size_t i = 0; i < per_month; ++i) {
    const OutcomeMixRow& aug = r.rows[per_month + i];
    const OutcomeMixRow& oct = r.rows[3 * per_month + i];
    EXPECT_EQ(oct.month, (util::YearMonth{2024, 10}));
    EXPECT_EQ(oct.basis, "carried");
    EXPECT_EQ(oct.shares, aug.shares);
    EXPECT_EQ(oct.ice_book_in_share, aug.ice_book_in_share);
  }
  EXPECT_FALSE(build({2024, 8}, {2024, 7}).ok());
  EXPECT_FALSE(build({2024, 7}, {2024, 8}, util::YearMonth{2024, 7}).ok());
  const OutcomeMixResult unpublished = build({2024, 8}, {2024, 9});  // OHSS ends in August
  ASSERT_FALSE(unpublished.ok());
  EXPECT_TRUE(unpublished.rows.empty());
  EXPECT_NE(unpublished.errors.front().message.find("2024-09"), std::string::npos);
}

TEST_F(OutcomeMixRealData, ShippedTableIsWhatTheCodeDerives) {
  // Same file name as the shipped table: the header records the command, -o included.
  const std::filesystem::path folder =
      std::filesystem::path(::testing::TempDir()) / "borderflow-outcome-mix-test";
  std::filesystem::create_directories(folder);
  const std::filesystem::path written = folder / kShipped.filename();
  CalibrateOutcomesOptions options{
      kByAgency, kTables, {kFeb, kAug}, {2021, 10}, {2024, 8}, util::YearMonth{2024, 9}, written};
  std::ostringstream out, err;
  ASSERT_EQ(run_calibrate_outcomes(options, out, err), kCalibrateOk) << err.str();
  std::ifstream a(options.output), b(kShipped);
  std::stringstream derived, shipped;
  derived << a.rdbuf();
  shipped << b.rdbuf();
  ASSERT_FALSE(shipped.str().empty()) << kShipped;
  EXPECT_TRUE(derived.str() == shipped.str())
      << "data/outcomes differs from what calibrate-outcomes derives: re-derive it (docs/data.md)";
  std::filesystem::remove_all(folder);
}

// The decade's table (replay-fy2014-fy2024.yaml), FY2014 – August 2024, likewise.
TEST_F(OutcomeMixRealData, ShippedDecadeTableIsWhatTheCodeDerives) {
  const std::filesystem::path shipped =
      kShipped.parent_path() / "usbp-outcome-mix-2013-10-to-2024-08.csv";
  const std::filesystem::path folder =
      std::filesystem::path(::testing::TempDir()) / "borderflow-outcome-mix-decade-test";
  std::filesystem::create_directories(folder);
  CalibrateOutcomesOptions options{kByAgency,
                                   kTables,
                                   {kFeb, kAug},
                                   {2013, 10},
                                   {2024, 8},
                                   std::nullopt,
                                   folder / shipped.filename()};
  std::ostringstream out, err;
  ASSERT_EQ(run_calibrate_outcomes(options, out, err), kCalibrateOk) << err.str();
  EXPECT_TRUE(read(options.output) == read(shipped))
      << shipped << " differs from what calibrate-outcomes derives: re-derive it (docs/data.md)";
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace bf::ingest
