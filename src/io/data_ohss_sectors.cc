#include "io/data_ohss_sectors.h"

#include <array>
#include <map>
#include <utility>

#include "io/data_fields.h"
#include "util/csv_reader.h"

namespace bf::io {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

OhssSectorTable parse_ohss_sectors(std::string_view bytes, std::string file) {
  OhssSectorTable table;
  table.file = std::move(file);
  const std::vector<std::string_view> columns(std::begin(kOhssSectorColumns),
                                              std::end(kOhssSectorColumns));
  const auto opened = detail::open_table(bytes, columns, table.file, table.errors, table.data_rows);
  if (!opened) return table;
  const util::CsvDocument& doc = opened->document;
  const std::vector<std::size_t>* index = &opened->index;

  std::map<std::pair<int, int>, int> first_line;  // (month index, sector) -> line
  const std::vector<std::string_view> sector_names(std::begin(kOhssSectorNames),
                                                   std::end(kOhssSectorNames));
  for (std::size_t r = 1; r < doc.records.size(); ++r) {
    const util::CsvRecord& rec = doc.records[r];
    if (!detail::check_field_count(rec, columns.size(), table.file, table.errors)) continue;
    const std::size_t errors_before = table.errors.size();
    auto field = [&](std::size_t c) -> const util::CsvField& { return rec.fields[(*index)[c]]; };
    auto fail = [&](std::size_t c, std::string message) {
      table.errors.push_back({table.file, rec.line, field(c).column, std::move(message)});
    };

    const auto fiscal_year = detail::parse_small_int(field(0).text);
    if (!fiscal_year || *fiscal_year < 1900 || *fiscal_year > 9999) {
      fail(0, "fiscal year " + detail::quote_text(field(0).text) + " is not a year");
    }
    const auto fy_month = detail::parse_small_int(field(1).text);
    if (!fy_month || *fy_month < 1 || *fy_month > 12) {
      fail(1, "fiscal month " + detail::quote_text(field(1).text) + " is not 1..12");
    }
    const auto year = detail::parse_small_int(field(3).text);
    if (!year || *year < 1900 || *year > 9999) {
      fail(3, "calendar year " + detail::quote_text(field(3).text) + " is not a year");
    }
    const auto month = detail::parse_small_int(field(4).text);
    if (!month || *month < 1 || *month > 12) {
      fail(4, "calendar month " + detail::quote_text(field(4).text) + " is not 1..12");
    } else if (field(2).text != kMonthNames[*month - 1]) {
      fail(2, "month name " + detail::quote_text(field(2).text) +
                  " does not match calendar month " + field(4).text + " (" +
                  std::string(kMonthNames[*month - 1]) + ")");
    }
    const auto encounters = detail::parse_count(field(7).text);
    if (!encounters)
      fail(7, "encounters " + detail::quote_text(field(7).text) + " is not a whole number");
    // Fiscal month 1 is October of the previous calendar year.
    if (fiscal_year && fy_month && year && month) {
      const int expected_month = (*fy_month + 8) % 12 + 1;
      const int expected_year = *fy_month <= 3 ? *fiscal_year - 1 : *fiscal_year;
      if (expected_month != *month || expected_year != *year) {
        fail(3, "calendar month " + field(3).text + "-" + field(4).text +
                    " does not match fiscal year " + field(0).text + " month " + field(1).text);
      }
    }
    const bool southwest = field(5).text == kOhssSouthwestRegion;
    int sector = -1;
    if (southwest) {
      for (std::size_t s = 0; s < sector_names.size(); ++s) {
        if (sector_names[s] == field(6).text) sector = static_cast<int>(s);
      }
      if (sector < 0) {
        std::string message = "unknown Southwest sector " + detail::quote_text(field(6).text);
        if (auto near = nearest_name(field(6).text, sector_names)) {
          message += " (did you mean " + detail::quote_text(*near) + "?)";
        }
        fail(6, message);
      }
    }
    if (table.errors.size() != errors_before) continue;
    if (!southwest) {
      ++table.other_regions;
      continue;
    }
    const util::YearMonth ym{*year, *month};
    const auto [it, inserted] = first_line.emplace(std::pair{ym.index(), sector}, rec.line);
    if (!inserted) {
      table.errors.push_back({table.file, rec.line, 0,
                              "duplicate row: sector " + detail::quote_text(field(6).text) +
                                  " in " + ym.to_string() + " already on line " +
                                  std::to_string(it->second)});
      continue;
    }
    table.rows.push_back({rec.line, ym, sector, *encounters});
  }
  return table;
}

}  // namespace bf::io
