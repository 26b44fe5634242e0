#include "ingest/data_bts_crossings.h"

#include <array>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "ingest/data_fields.h"
#include "util/csv_reader.h"

namespace bf::ingest {
namespace {

constexpr std::array<std::string_view, 12> kMonthAbbreviations = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// "Dec 2021": an English month abbreviation, one space, a four-digit year.
std::optional<util::YearMonth> parse_bts_date(std::string_view text) {
  if (text.size() != 8 || text[3] != ' ') return std::nullopt;
  int month = 0;
  for (std::size_t m = 0; m < kMonthAbbreviations.size(); ++m) {
    if (text.substr(0, 3) == kMonthAbbreviations[m]) month = static_cast<int>(m) + 1;
  }
  const auto year = detail::parse_small_int(text.substr(4));
  if (month == 0 || !year || *year < 1900) return std::nullopt;
  return util::YearMonth{*year, month};
}

std::string unknown_measure(std::string_view text) {
  std::vector<std::string_view> candidates(std::begin(kBtsMeasureNames),
                                           std::end(kBtsMeasureNames));
  candidates.insert(candidates.end(), std::begin(kBtsIgnoredMeasures),
                    std::end(kBtsIgnoredMeasures));
  std::string message = "unknown measure " + detail::quote_text(text);
  if (auto near = nearest_name(text, candidates)) {
    message += " (did you mean " + detail::quote_text(*near) + "?)";
  }
  return message;
}

}  // namespace

BtsCrossingTable parse_bts_crossings(std::string_view bytes, std::string file) {
  BtsCrossingTable table;
  table.file = std::move(file);
  const std::vector<std::string_view> columns(std::begin(kBtsCrossingColumns),
                                              std::end(kBtsCrossingColumns));

  // (port, month index, measure) -> (first line, value), US-Mexico rows of kept measures. Rows of
  // ignored measures are not compared: BTS publishes Sasabe's "Bus Passengers" of Feb 2021
  // twice, as 0 and as 2175, and no table we derive depends on it.
  std::map<std::tuple<std::string, int, int>, std::pair<int, std::int64_t>> first_row;
  detail::for_each_record(
      bytes, columns, table.file, table.errors, table.data_rows, [&](detail::Record& rec) {
        if (rec.field(0).text.empty()) rec.fail(0, "empty port name");
        // CBP port codes have four digits; BTS drops a leading zero on some ("708" for 0708).
        const auto port_code = detail::parse_small_int(rec.field(2).text);
        if (!port_code || rec.field(2).text.size() > 4) {
          rec.fail(2,
                   "port code " + detail::quote_text(rec.field(2).text) + " is not 1 to 4 digits");
        }
        const bool mexico = rec.field(3).text == kBtsMexicoBorder;
        if (!mexico && rec.field(3).text != kBtsCanadaBorder) {
          rec.fail(3, "border " + detail::quote_text(rec.field(3).text) + " is not " +
                          detail::quote_text(kBtsMexicoBorder) + " or " +
                          detail::quote_text(kBtsCanadaBorder));
        }
        // The state is not used; it is required on the rows kept. The full file has a US-Canada
        // row without one (Boston, Jun 2022), counted like the other US-Canada rows.
        if (mexico && rec.field(1).text.empty()) rec.fail(1, "empty state");
        const auto month = parse_bts_date(rec.field(4).text);
        if (!month) {
          rec.fail(4, "date " + detail::quote_text(rec.field(4).text) +
                          " is not a month like \"Dec 2021\" (Jan..Dec and a year)");
        }
        std::optional<BtsMeasure> measure;
        bool ignored = false;
        for (int m = 0; m < kBtsMeasureCount; ++m) {
          if (rec.field(5).text == kBtsMeasureNames[m]) measure = static_cast<BtsMeasure>(m);
        }
        for (std::string_view name : kBtsIgnoredMeasures) {
          if (rec.field(5).text == name) ignored = true;
        }
        if (!measure && !ignored) rec.fail(5, unknown_measure(rec.field(5).text));
        const auto units = detail::parse_count(rec.field(6).text);
        if (!units)
          rec.fail(
              6, "value " + detail::quote_text(rec.field(6).text) + " is not a whole number >= 0");
        if (rec.failed()) return;
        if (!mexico) {
          ++table.other_borders;
          return;
        }

        if (ignored) {
          ++table.ignored_measures;
          return;
        }
        const auto [it, inserted] = first_row.emplace(
            std::tuple{rec.field(0).text, month->index(), static_cast<int>(*measure)},
            std::pair{rec.line(), *units});
        if (!inserted) {
          if (it->second.second == *units) {
            ++table.repeated_rows;
          } else {
            rec.fail_record("duplicate row: port " + detail::quote_text(rec.field(0).text) +
                            " measure " + detail::quote_text(rec.field(5).text) + " in " +
                            month->to_string() + " already on line " +
                            std::to_string(it->second.first) + " with value " +
                            std::to_string(it->second.second));
          }
          return;
        }
        table.rows.push_back({rec.line(), rec.field(0).text, *port_code, *month, *measure, *units});
      });
  return table;
}

}  // namespace bf::ingest
