#pragma once
// What the arrival fit never sees: ICE detention of the people Border Patrol transferred,
// per month, against ICE's figures for CBP arrests (docs/validation.md, "ICE detention"):
// book-ins (people booked into detention in the month) and average daily population (ADP),
// from ICE's monthly series FY2019 – FY2026 (ingest/data_ice_monthly.h), with the simulated
// median, its 5–95% band, the error and the mean absolute percentage error in and out of
// sample; beside them the stay by Little's law against ICE's average length of stay (ALOS),
// which only the FY2023 – FY2024 workbook extract gives (ingest/data_ice_detention.h).
//
// Counting. ICE counts CBP arrests: Border Patrol's on every border and Field Operations'
// at the ports. The model sends only Southwest Border Patrol transfers to detention
// (`detention_book_ins`, `detention_population` in days.csv), so both counts are compared
// with ICE's figure × kSouthwestBorderPatrolShare. Book-ins are counted by ICE in the month
// of the book-in, as the model does; the population is the mean over the month's days of
// the end-of-day population.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_ice_detention.h"
#include "ingest/data_ice_monthly.h"
#include "report/svg_chart.h"
#include "validate/comparison.h"
#include "validate/monthly_outcomes.h"

namespace bf::validate {

// Share of ICE's "CBP" detainees who were arrested by Border Patrol on the Southwest border.
// ICE's CBP figure also counts Office of Field Operations arrests at ports and Border Patrol
// arrests on the northern and coastal borders; neither ICE's series nor OHSS's book-ins by
// arresting agency split them. Assumption: 0.90, plausible range 0.80–0.95
// (docs/parameters.md).
inline constexpr double kSouthwestBorderPatrolShare = 0.90;

// Issue 15's target for the population: within ±15% of ICE's figure × the share.
inline constexpr double kIcePopulationTolerancePercent = 15.0;

enum class IceMeasure : std::uint8_t {
  kBookIns,     // people booked into detention in the month
  kPopulation,  // mean daily population, people
  kStayDays     // days: ICE's ALOS against population / book-ins (Little's law)
};
inline constexpr int kIceMeasureCount = 3;
inline constexpr std::array<std::string_view, kIceMeasureCount> kIceMeasureNames = {
    "book-ins", "population", "stay"};
inline constexpr std::array<std::string_view, kIceMeasureCount> kIceMeasureKeys = {
    "book_ins", "population", "stay_days"};
// Whether ICE's figure is scaled by the Southwest Border Patrol share (counts of people are;
// a length of stay is not).
inline constexpr std::array<bool, kIceMeasureCount> kIceMeasureScaled = {true, true, false};

// ICE's published figures for CBP arrests by calendar month, complete months only.
struct IcePublished {
  std::map<util::YearMonth, double> book_ins;    // people
  std::map<util::YearMonth, double> population;  // ADP, people
  std::map<util::YearMonth, double> stay_days;   // ALOS, days
};

// The CBP rows of the files validate reads, each of which may be absent (nullptr): book-ins
// and ADP from ICE's monthly series FY2019 – FY2026, complete months only (a release's
// partial last month is never compared); ALOS from the FY2023 – FY2024 workbook extract
// (all criminality), the only file that gives it.
IcePublished ice_published(const ingest::IceMonthlySeries* book_ins,
                           const ingest::IceMonthlySeries* adp,
                           const ingest::IceDetentionTable* workbooks);

struct IceRow {
  util::YearMonth month;
  bool in_sample = true;  // at or before --fit-until (every month without one)
  // ICE's figure, in IceMeasure order; 0 when not published for the month.
  std::array<double, kIceMeasureCount> published{};
  // What the model should give: published × the share for counts, published for the stay.
  std::array<double, kIceMeasureCount> expected{};
  std::array<Band, kIceMeasureCount> simulated{};
  bool has(int measure) const { return published[static_cast<std::size_t>(measure)] > 0.0; }
  double error_percent(int measure) const;  // of the median against `expected`; 0 if none
};

struct IceComparison {
  std::optional<util::YearMonth> fit_until;
  double southwest_share = kSouthwestBorderPatrolShare;
  // Full simulated months with a published book-in or population figure, in order.
  std::vector<IceRow> rows;
  // Mean absolute percentage error of a measure over the in-sample or out-of-sample months,
  // or every month (`in_sample` nullopt), that publish it; nullopt when there are none.
  std::optional<double> mape(int measure, std::optional<bool> in_sample) const;
  // Months that publish the measure, and those of them within ±`percent`.
  int months(int measure) const;
  int months_within(int measure, double percent) const;
};

IceComparison compare_ice(const std::vector<ReplicationOutcome>& runs,
                          const IcePublished& published, double southwest_share,
                          std::optional<util::YearMonth> fit_until);

std::string ice_text(const IceComparison& c);
// One row per month and measure that ICE published:
// month,measure,in_sample,published,expected,simulated_median,simulated_p5,simulated_p95,
// error_percent (people per month, people, or days; `expected` = published × the share for
// counts).
std::string ice_csv(const IceComparison& c);
// Two panels, book-ins and population, simulated band against ICE × the share.
report::Chart ice_chart(const IceComparison& c);

}  // namespace bf::validate
