#include "ingest/data_ohss_regions.h"

#include <functional>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "ingest/data_fields.h"
#include "ingest/data_ohss_sectors.h"
#include "model/population.h"

namespace bf::ingest {
namespace detail {

OhssRegionTable parse_ohss_region_table(std::string_view bytes, std::string file,
                                        const std::vector<std::string_view>& columns,
                                        std::string_view what,
                                        const OhssCategoryMapper& map_category) {
  OhssRegionTable table;
  table.file = std::move(file);
  // (month index, category text) -> line: the same label twice in a month would double count.
  std::map<std::pair<int, std::string>, int> first_line;
  detail::for_each_record(
      bytes, columns, table.file, table.errors, table.data_rows, [&](detail::Record& rec) {
        const std::optional<util::YearMonth> ym = detail::parse_ohss_month(rec);
        const auto encounters = detail::parse_count(rec.text(7));
        if (!encounters) {
          rec.fail(7, "encounters " + detail::quote_text(rec.text(7)) + " is not a whole number");
        }
        const bool southwest = rec.text(5) == kOhssSouthwestRegion;
        std::optional<int> category;
        if (southwest) category = map_category(rec);
        if (rec.failed()) return;
        if (!southwest) {
          ++table.other_regions;
          return;
        }
        const auto [it, inserted] =
            first_line.emplace(std::pair{ym->index(), rec.text(6)}, rec.line());
        if (!inserted) {
          rec.fail_record("duplicate row: " + std::string(what) + " " +
                          detail::quote_text(rec.text(6)) + " in " + ym->to_string() +
                          " already on line " + std::to_string(it->second));
          return;
        }
        table.rows.push_back({rec.line(), *ym, *category, *encounters});
      });
  return table;
}

}  // namespace detail

using model::Citizenship;

OhssRegionTable parse_ohss_citizenship(std::string_view bytes, std::string file) {
  const std::vector<std::string_view> columns(std::begin(kOhssCitizenshipColumns),
                                              std::end(kOhssCitizenshipColumns));
  return detail::parse_ohss_region_table(
      bytes, std::move(file), columns, "citizenship", [](detail::Record& rec) {
        const std::string& country = rec.text(6);
        if (country.empty()) {
          rec.fail(6, "empty citizenship (expected a country name such as \"Mexico\")");
          return std::optional<int>();
        }
        Citizenship group = Citizenship::kOther;
        if (country == "Mexico") group = Citizenship::kMexico;
        if (country == "Guatemala") group = Citizenship::kGuatemala;
        if (country == "Honduras") group = Citizenship::kHonduras;
        if (country == "El Salvador") group = Citizenship::kElSalvador;
        return std::optional<int>(model::index_of(group));
      });
}

OhssRegionTable parse_ohss_family_status(std::string_view bytes, std::string file) {
  const std::vector<std::string_view> columns(std::begin(kOhssFamilyStatusColumns),
                                              std::end(kOhssFamilyStatusColumns));
  const std::vector<std::string_view> labels(std::begin(kOhssFamilyStatuses),
                                             std::end(kOhssFamilyStatuses));
  return detail::parse_ohss_region_table(
      bytes, std::move(file), columns, "family status", [&](detail::Record& rec) {
        for (std::size_t i = 0; i < labels.size(); ++i) {
          if (labels[i] == rec.text(6)) return std::optional<int>(static_cast<int>(i));
        }
        const std::string message =
            detail::unknown_value_message("family status", rec.text(6), labels);
        rec.fail(6, message);
        return std::optional<int>();
      });
}

}  // namespace bf::ingest
