#include "ingest/data_texas_crossings.h"

#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "ingest/data_fields.h"
#include "util/csv_reader.h"

namespace bf::ingest {
namespace {

std::string unknown_mode(std::string_view text) {
  std::vector<std::string_view> candidates;
  for (const TexasModeName& m : kTexasModes) candidates.push_back(m.text);
  std::string message = "unknown mode " + detail::quote_text(text);
  if (auto near = nearest_name(text, candidates)) {
    message += " (did you mean " + detail::quote_text(*near) + "?)";
  } else {
    message += " (expected one of";
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      message += (i ? ", " : " ") + detail::quote_text(candidates[i]);
    }
    message += ")";
  }
  return message;
}

// "2023-12-": the prefix of the IDs of a row of December 2023.
std::string id_prefix(util::YearMonth month) { return month.to_string() + "-"; }

}  // namespace

TexasCrossingTable parse_texas_crossings(std::string_view bytes, std::string file) {
  TexasCrossingTable table;
  table.file = std::move(file);
  const std::vector<std::string_view> columns(std::begin(kTexasCrossingColumns),
                                              std::end(kTexasCrossingColumns));

  std::map<std::tuple<std::string, int, int>, int> first_line;  // (crossing, month, mode) -> line
  detail::for_each_record(
      bytes, columns, table.file, table.errors, table.data_rows, [&](detail::Record& rec) {
        const auto year = detail::parse_small_int(rec.field(1).text);
        if (!year || *year < 1900 || *year > 9999) {
          rec.fail(1, "year " + detail::quote_text(rec.field(1).text) + " is not a year");
        }
        const auto month = detail::parse_small_int(rec.field(2).text);
        if (!month || *month < 1 || *month > 12) {
          rec.fail(2, "month " + detail::quote_text(rec.field(2).text) + " is not 1..12");
        }
        if (rec.field(3).text.empty()) rec.fail(3, "empty region");
        if (rec.field(4).text.empty()) rec.fail(4, "empty port of entry");
        if (rec.field(5).text.empty()) rec.fail(5, "empty crossing name");
        std::optional<model::Mode> mode;
        for (const TexasModeName& m : kTexasModes) {
          if (rec.field(6).text == m.text) mode = m.mode;
        }
        if (!mode) rec.fail(6, unknown_mode(rec.field(6).text));
        const auto units = detail::parse_count(rec.field(7).text);
        if (!units) {
          rec.fail(7, "northbound crossing " + detail::quote_text(rec.field(7).text) +
                          " is not a whole number >= 0");
        }
        if (year && month && *year >= 1900 && *year <= 9999 && *month >= 1 && *month <= 12) {
          const std::string prefix = id_prefix({*year, *month});
          if (rec.field(0).text.compare(0, prefix.size(), prefix) != 0) {
            rec.fail(0, "ID " + detail::quote_text(rec.field(0).text) + " does not start with " +
                            detail::quote_text(prefix) + " (the row's year and month)");
          }
        }
        if (rec.failed()) return;

        const util::YearMonth ym{*year, *month};
        const auto [it, inserted] = first_line.emplace(
            std::tuple{rec.field(5).text, ym.index(), static_cast<int>(*mode)}, rec.line());
        if (!inserted) {
          rec.fail_record("duplicate row: crossing " + detail::quote_text(rec.field(5).text) +
                          " mode " + detail::quote_text(rec.field(6).text) + " in " +
                          ym.to_string() + " already on line " + std::to_string(it->second));
          return;
        }
        table.rows.push_back({rec.line(), rec.field(3).text, rec.field(4).text, rec.field(5).text,
                              ym, *mode, *units});
      });
  return table;
}

}  // namespace bf::ingest
