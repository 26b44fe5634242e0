#include "output/reference_days.h"

#include <fmt/format.h>

#include <map>
#include <string>

#include "output/text_file.h"

namespace bf::output {

void write_reference_days(const std::filesystem::path& file, const model::ModelSpec& spec) {
  std::map<int, double> per_day_by_month;  // month index -> encounters a day, all cells
  for (const model::ArrivalLevel& level : spec.arrivals.levels) {
    per_day_by_month[level.month.index()] += level.encounters_per_day;
  }
  std::string text = "date,arrival_table_encounters\n";
  for (int day = 0; day < spec.days; ++day) {
    const util::Date date = spec.start_date + day;
    const auto found = per_day_by_month.find(date.year_month().index());
    const double level = found == per_day_by_month.end() ? 0.0 : found->second;
    text += fmt::format("{},{:.2f}\n", date.to_string(), level);
  }
  write_text_file(file, text);
}

}  // namespace bf::output
