#include "ingest/data_ohss_sectors.h"

#include <utility>

#include "ingest/data_fields.h"
#include "ingest/data_ohss_regions.h"

namespace bf::ingest {

OhssSectorTable parse_ohss_sectors(std::string_view bytes, std::string file) {
  const std::vector<std::string_view> columns(std::begin(kOhssSectorColumns),
                                              std::end(kOhssSectorColumns));
  const std::vector<std::string_view> sector_names(std::begin(kOhssSectorNames),
                                                   std::end(kOhssSectorNames));
  OhssRegionTable region = detail::parse_ohss_region_table(
      bytes, std::move(file), columns, "sector", [&](detail::Record& rec) {
        for (std::size_t s = 0; s < sector_names.size(); ++s) {
          if (sector_names[s] == rec.text(6)) return std::optional<int>(static_cast<int>(s));
        }
        std::string message = "unknown Southwest sector " + detail::quote_text(rec.text(6));
        if (auto near = nearest_name(rec.text(6), sector_names)) {
          message += " (did you mean " + detail::quote_text(*near) + "?)";
        }
        rec.fail(6, message);
        return std::optional<int>();
      });
  OhssSectorTable table;
  table.file = std::move(region.file);
  table.data_rows = region.data_rows;
  table.other_regions = region.other_regions;
  table.errors = std::move(region.errors);
  table.rows.reserve(region.rows.size());
  for (const OhssRegionRow& row : region.rows) {
    table.rows.push_back({row.line, row.month, row.category, row.encounters});
  }
  return table;
}

}  // namespace bf::ingest
