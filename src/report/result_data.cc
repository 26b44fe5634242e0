#include "report/result_data.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include "util/csv_reader.h"
#include "util/date.h"

namespace bf::report {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void fail_at(const std::string& file, int line, int column, const std::string& why) {
  throw ReportError(fmt::format("{}:{}:{}: {}", file, line, column, why));
}

std::string read_whole(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw ReportError(
        fmt::format("{}: missing (not a result folder written by borderflow run?)", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw ReportError(fmt::format("{}: cannot be read", path.string()));
  return text.str();
}

double parse_number(const util::CsvField& field, const std::string& file, int line,
                    const std::string& column) {
  const std::string& t = field.text;
  double v = 0.0;
  const char* end = t.data() + t.size();
  auto [ptr, ec] = std::from_chars(t.data(), end, v);
  if (t.empty() || ec != std::errc() || ptr != end || !std::isfinite(v)) {
    fail_at(file, line, field.column,
            fmt::format("'{}' in column '{}' is not a number", t, column));
  }
  return v;
}

// One group while loading: dates, and columns filled with kMissing until set.
struct Builder {
  std::vector<std::string> dates;
  std::map<std::string, std::vector<double>> columns;
};

struct Layout {
  int date = -1;
  int key = -1;
  int statistic = -1;
};

GroupedTable parse_table(std::string_view text, const std::string& file,
                         const std::vector<std::string>& key_candidates) {
  util::CsvParseResult parsed = util::parse_csv(text);
  if (parsed.error) {
    fail_at(file, parsed.error->line, parsed.error->column, parsed.error->message);
  }
  const auto& records = parsed.document->records;
  if (records.empty()) throw ReportError(file + ": empty file (no header)");
  const util::CsvRecord& header = records.front();
  std::vector<std::string> names;
  Layout layout;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& n = header.fields[i].text;
    names.push_back(n);
    const int idx = static_cast<int>(i);
    if (n == "date" && layout.date < 0) {
      layout.date = idx;
    } else if ((n == "statistic" || n == "stat") && layout.statistic < 0) {
      layout.statistic = idx;
    }
  }
  for (const auto& candidate : key_candidates) {
    for (std::size_t i = 0; i < names.size() && layout.key < 0; ++i) {
      if (names[i] == candidate) layout.key = static_cast<int>(i);
    }
  }
  if (layout.date < 0) fail_at(file, header.line, 1, "no 'date' column in the header");
  if (!key_candidates.empty() && layout.key < 0) {
    fail_at(file, header.line, 1, fmt::format("no '{}' column in the header", key_candidates[0]));
  }

  GroupedTable out;
  std::vector<Builder> builders;
  std::map<std::string, std::size_t> group_index;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const util::CsvRecord& rec = records[r];
    if (rec.fields.size() == 1 && rec.fields[0].text.empty()) continue;  // blank line
    if (rec.fields.size() != names.size()) {
      fail_at(file, rec.line, 1,
              fmt::format("{} fields, the header has {}", rec.fields.size(), names.size()));
    }
    const util::CsvField& date_field = rec.fields[layout.date];
    if (!util::Date::parse(date_field.text)) {
      fail_at(file, rec.line, date_field.column,
              fmt::format("'{}' is not a date (YYYY-MM-DD)", date_field.text));
    }
    const std::string key = layout.key >= 0 ? rec.fields[layout.key].text : std::string();
    auto [it, inserted] = group_index.try_emplace(key, builders.size());
    if (inserted) {
      builders.emplace_back();
      out.keys.push_back(key);
    }
    Builder& b = builders[it->second];
    if (b.dates.empty() || b.dates.back() != date_field.text) {
      if (!b.dates.empty() && date_field.text < b.dates.back()) {
        fail_at(file, rec.line, date_field.column,
                fmt::format("date {} comes after {}: rows must be in date order", date_field.text,
                            b.dates.back()));
      }
      b.dates.push_back(date_field.text);
      for (auto& [name, values] : b.columns) values.push_back(kMissing);
    }
    std::string suffix;
    if (layout.statistic >= 0) suffix = "_" + rec.fields[layout.statistic].text;
    for (std::size_t c = 0; c < names.size(); ++c) {
      const int ci = static_cast<int>(c);
      if (ci == layout.date || ci == layout.key || ci == layout.statistic) continue;
      const double v = parse_number(rec.fields[c], file, rec.line, names[c]);
      auto& values = b.columns[names[c] + suffix];
      values.resize(b.dates.size(), kMissing);
      values.back() = v;
    }
  }
  // Column order: the header's, each followed by its statistics in a fixed order.
  static const char* const kSuffixes[] = {"", "_mean", "_p5", "_p50", "_p95"};
  for (Builder& b : builders) {
    DayTable table;
    for (auto& d : b.dates) table.add_date(d);
    std::map<std::string, bool> placed;
    for (std::size_t c = 0; c < names.size(); ++c) {
      for (const char* s : kSuffixes) {
        auto it = b.columns.find(names[c] + s);
        if (it == b.columns.end() || placed[it->first]) continue;
        placed[it->first] = true;
        table.add_column(it->first) = std::move(it->second);
      }
    }
    for (auto& [name, values] : b.columns) {
      if (!placed[name]) table.add_column(name) = std::move(values);
    }
    out.tables.push_back(std::move(table));
  }
  return out;
}

}  // namespace

bool DayTable::has(std::string_view column_name) const { return column(column_name) != nullptr; }

const std::vector<double>* DayTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return &values_[i];
  }
  return nullptr;
}

std::optional<SeriesView> DayTable::series(std::string_view name) const {
  const std::string n(name);
  SeriesView view;
  view.line = column(n);
  if (!view.line) view.line = column(n + "_mean");
  if (!view.line) view.line = column(n + "_p50");
  if (!view.line) return std::nullopt;
  view.low = column(n + "_p5");
  view.high = column(n + "_p95");
  if (!view.low || !view.high) view.low = view.high = nullptr;
  return view;
}

bool DayTable::has_bands() const {
  for (const auto& n : names_) {
    if (n.size() > 3 && n.ends_with("_p5")) {
      if (column(n.substr(0, n.size() - 3) + "_p95")) return true;
    }
  }
  return false;
}

std::vector<double>& DayTable::add_column(const std::string& name) {
  names_.push_back(name);
  values_.emplace_back(dates_.size(), kMissing);
  return values_.back();
}

DayTable parse_day_table(std::string_view text, const std::string& file) {
  GroupedTable g = parse_table(text, file, {});
  if (g.tables.empty()) {
    // Header only: keep its columns, with no rows.
    util::CsvParseResult parsed = util::parse_csv(text);
    DayTable empty;
    for (const auto& f : parsed.document->records.front().fields) {
      if (f.text != "date") empty.add_column(f.text);
    }
    return empty;
  }
  return std::move(g.tables.front());
}

GroupedTable parse_grouped_table(std::string_view text, const std::string& file,
                                 const std::vector<std::string>& key_candidates) {
  return parse_table(text, file, key_candidates);
}

DayTable parse_ensemble_days(std::string_view text, const std::string& file,
                             std::string* point_shown) {
  util::CsvParseResult parsed = util::parse_csv(text);
  if (parsed.error) {
    fail_at(file, parsed.error->line, parsed.error->column, parsed.error->message);
  }
  const auto& records = parsed.document->records;
  if (records.empty()) throw ReportError(file + ": empty file (no header)");
  const util::CsvRecord& header = records.front();
  int point = -1, date = -1, output = -1;
  std::vector<std::pair<int, std::string>> stats;  // column index, suffix
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& n = header.fields[i].text;
    const int idx = static_cast<int>(i);
    if (n == "point") point = idx;
    if (n == "date") date = idx;
    if (n == "output") output = idx;
    if (n == "mean" || n == "p5" || n == "p50" || n == "p95") stats.emplace_back(idx, "_" + n);
  }
  if (date < 0 || output < 0 || stats.empty()) {
    fail_at(file, header.line, 1, "expected the columns date, output and mean/p5/p50/p95");
  }
  // Pivot rows (point, date, output, stats...) of the first point into a wide day table.
  std::string first_point;
  std::vector<std::string> dates;
  std::vector<std::string> names;
  std::map<std::string, std::map<std::string, double>> by_column;  // column -> date -> value
  for (std::size_t r = 1; r < records.size(); ++r) {
    const util::CsvRecord& rec = records[r];
    if (rec.fields.size() == 1 && rec.fields[0].text.empty()) continue;
    if (rec.fields.size() != header.fields.size()) {
      fail_at(file, rec.line, 1,
              fmt::format("{} fields, the header has {}", rec.fields.size(), header.fields.size()));
    }
    if (point >= 0) {
      if (first_point.empty()) first_point = rec.fields[point].text;
      if (rec.fields[point].text != first_point) continue;
    }
    const util::CsvField& d = rec.fields[date];
    if (!util::Date::parse(d.text)) {
      fail_at(file, rec.line, d.column, fmt::format("'{}' is not a date (YYYY-MM-DD)", d.text));
    }
    if (dates.empty() || dates.back() != d.text) {
      if (!dates.empty() && d.text < dates.back()) {
        fail_at(file, rec.line, d.column,
                fmt::format("date {} comes after {}: rows must be in date order", d.text,
                            dates.back()));
      }
      dates.push_back(d.text);
    }
    const std::string& out = rec.fields[output].text;
    for (const auto& [idx, suffix] : stats) {
      const std::string name = out + suffix;
      auto [it, inserted] = by_column.try_emplace(name);
      if (inserted) names.push_back(name);
      it->second[d.text] = parse_number(rec.fields[idx], file, rec.line, header.fields[idx].text);
    }
  }
  if (point_shown) *point_shown = first_point;
  DayTable table;
  for (const auto& d : dates) table.add_date(d);
  for (const auto& name : names) {
    std::vector<double>& values = table.add_column(name);
    const auto& m = by_column[name];
    for (std::size_t i = 0; i < dates.size(); ++i) {
      auto it = m.find(dates[i]);
      if (it != m.end()) values[i] = it->second;
    }
  }
  return table;
}

ResultData load_result_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    throw ReportError(fmt::format("{}: not a folder (expected a result folder of borderflow run)",
                                  folder.string()));
  }
  ResultData data;
  data.folder = folder;
  const auto days_path = folder / "days.csv";
  const auto ensemble_path = folder / "ensemble_days.csv";
  const bool ensemble =
      !std::filesystem::exists(days_path, ec) && std::filesystem::exists(ensemble_path, ec);
  if (ensemble) {
    data.ensemble = true;
    data.days = parse_ensemble_days(read_whole(ensemble_path), ensemble_path.string(), &data.point);
  } else {
    data.days = parse_day_table(read_whole(days_path), days_path.string());
  }
  const auto sectors_path = folder / "sector_days.csv";
  if (!ensemble || std::filesystem::exists(sectors_path, ec)) {
    data.sectors = parse_grouped_table(read_whole(sectors_path), sectors_path.string(), {"sector"});
  }
  for (const char* name : {"port_days.csv", "crossing_days.csv"}) {
    const auto ports_path = folder / name;
    if (!std::filesystem::exists(ports_path, ec)) continue;
    data.ports = parse_grouped_table(read_whole(ports_path), ports_path.string(),
                                     {"port", "crossing", "port_of_entry"});
    break;
  }
  const auto reference_path = folder / "reference_days.csv";
  if (std::filesystem::exists(reference_path, ec)) {
    data.reference = parse_day_table(read_whole(reference_path), reference_path.string());
  }
  const auto summary_path = folder / "summary.json";
  const std::string summary_text = read_whole(summary_path);
  try {
    data.summary = nlohmann::json::parse(summary_text);
  } catch (const nlohmann::json::parse_error& e) {
    throw ReportError(
        fmt::format("{}: not valid JSON (byte {}): {}", summary_path.string(), e.byte, e.what()));
  }
  if (!data.summary.is_object()) {
    throw ReportError(summary_path.string() + ": not a JSON object");
  }
  return data;
}

}  // namespace bf::report
