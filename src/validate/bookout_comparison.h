#pragma once
// Who Border Patrol released, transferred and returned, against DHS OHSS's monthly USBP
// book-outs by outcome (docs/validation.md, "Outcomes"): per month and category, the
// simulated median with its 5–95% band, the published figure, and the mean absolute
// percentage error in and out of sample.
//
// Counting. OHSS counts a book-out in the month of the ENCOUNTER; the model counts people in
// the month they leave custody. With custody of hours to a few days the two differ only for
// people encountered in a month's last days (a few percent of a month at most, and in both
// directions); a run in which custody backs up for weeks differs more, and its time in custody
// says so. The simulated categories are: releases = `released` (USBP releases); transfers to
// ICE = `transferred_to_ice` (people ICE then released without a book-in included, as OHSS
// counts them); transfers to HHS = `transferred_to_orr`; repatriations + expulsions + MPP =
// `returned_to_mexico` + `title42_expulsions` + `remain_in_mexico` (OHSS's Title 8
// repatriations, Title 42 expulsions and MPP). OHSS's "other outcomes" are not compared.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_ohss_bookouts.h"
#include "report/svg_chart.h"
#include "validate/comparison.h"
#include "validate/monthly_outcomes.h"

namespace bf::validate {

enum class BookOutCategory : std::uint8_t { kReleased, kToIce, kToHhs, kReturned };
inline constexpr int kBookOutCategoryCount = 4;
inline constexpr std::array<std::string_view, kBookOutCategoryCount> kBookOutCategoryNames = {
    "releases", "transfers to ICE", "transfers to HHS", "repatriations + expulsions + MPP"};
inline constexpr std::array<std::string_view, kBookOutCategoryCount> kBookOutCategoryKeys = {
    "released", "to_ice", "to_hhs", "returned"};

// Published USBP book-outs of a month, people, in BookOutCategory order.
using BookOuts = std::array<double, kBookOutCategoryCount>;

// The USBP rows of OHSS's book-outs by agency, per month, in the categories above.
std::map<util::YearMonth, BookOuts> usbp_bookouts(const ingest::OhssBookOutsTable& table);

struct BookOutRow {
  util::YearMonth month;
  bool in_sample = true;  // at or before --fit-until (every month without one)
  BookOuts published{};
  std::array<Band, kBookOutCategoryCount> simulated{};
  double error_percent(int category) const;  // of the median; 0 when nothing was published
};

struct BookOutComparison {
  std::optional<util::YearMonth> fit_until;
  std::vector<BookOutRow> rows;  // full simulated months with a published figure, in order
  // Mean absolute percentage error per category over the in-sample or out-of-sample months,
  // or every month (`in_sample` nullopt); nullopt when there are none.
  std::optional<double> mape(int category, std::optional<bool> in_sample) const;
};

BookOutComparison compare_bookouts(const std::vector<ReplicationOutcome>& runs,
                                   const std::map<util::YearMonth, BookOuts>& published,
                                   std::optional<util::YearMonth> fit_until);

std::string bookouts_text(const BookOutComparison& c);
// month,category,in_sample,published,simulated_median,simulated_p5,simulated_p95,error_percent
std::string bookouts_csv(const BookOutComparison& c);
// One panel per category.
report::Chart bookouts_chart(const BookOutComparison& c);

}  // namespace bf::validate
