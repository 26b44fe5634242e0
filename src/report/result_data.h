#pragma once
// A result folder read back for the report: the day tables as columns of numbers, and
// summary.json. Nothing here knows how the files were made; a column is found by name, so
// the report keeps working as outputs grow.
//
// Files (see README "Outputs"):
//   days.csv         required; `date` then numeric columns, one row per day
//   sector_days.csv  required; `date`, `sector`, numeric columns
//   summary.json     required; a JSON object (provenance, totals, peaks ...)
//   port_days.csv    optional, only for scenarios with ports: `date`, `crossing` (or `port`),
//                    numeric columns (<mode>_lanes_open, <mode>_closed, freight_delayed_usd..)
//   reference_days.csv  optional: `date`, arrival_table_encounters (the published monthly
//                    level for a calibrated table)
// Ensembles: a folder with ensemble_days.csv (point,date,output,mean,p5,p50,p95) and no
// days.csv is an ensemble result; the rows of its first sweep point become the day table
// with columns <output>_mean, _p5, _p50, _p95, and sector_days.csv is optional. A column X
// may also come as X_mean / X_p5 / X_p50 / X_p95 in any table, or a table may carry a
// `statistic` column whose values are mean, p5, p50, p95 (pivoted on load). A chart's line
// is X, else X_mean, else X_p50; its band is X_p5 .. X_p95 when both exist.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bf::report {

// A bad or missing input file; what() is "path[:line:column]: reason".
class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One line of a chart and, for ensembles, its 5-95% band (both or neither).
struct SeriesView {
  const std::vector<double>* line = nullptr;
  const std::vector<double>* low = nullptr;
  const std::vector<double>* high = nullptr;
};

// Rows by day, columns by name; dates ascending ("YYYY-MM-DD").
class DayTable {
 public:
  const std::vector<std::string>& dates() const { return dates_; }
  std::size_t size() const { return dates_.size(); }
  bool has(std::string_view column) const;
  // nullptr if absent.
  const std::vector<double>* column(std::string_view name) const;
  // The line for `name` (see the file comment), nullopt if none of its forms is present.
  std::optional<SeriesView> series(std::string_view name) const;
  const std::vector<std::string>& column_names() const { return names_; }
  // True if any column carries an ensemble band (a *_p5 and *_p95 pair).
  bool has_bands() const;

  // Building (used by the loader and by tests).
  void add_date(std::string date) { dates_.push_back(std::move(date)); }
  std::vector<double>& add_column(const std::string& name);

 private:
  std::vector<std::string> dates_;
  std::vector<std::string> names_;
  std::vector<std::vector<double>> values_;
};

// A day table split by a key column (sector, port), groups in order of first appearance.
struct GroupedTable {
  std::vector<std::string> keys;
  std::vector<DayTable> tables;
};

struct ResultData {
  std::filesystem::path folder;
  DayTable days;
  GroupedTable sectors;
  std::optional<GroupedTable> ports;  // nullopt when the folder has no port outputs
  // reference_days.csv (levels the run was given, e.g. arrival_table_encounters); nullopt
  // when absent (older folders).
  std::optional<DayTable> reference;
  nlohmann::json summary;  // summary.json as read (an object)
  bool ensemble = false;   // read from ensemble_days.csv
  std::string point;       // ensemble: the sweep point shown ("" if none)
};

// Reads a result folder. Throws ReportError naming the file (and line:column) for a
// missing or unreadable file, a CSV syntax error, a missing `date` column, a cell that is
// not a number, dates out of order, or summary.json that is not a JSON object.
ResultData load_result_folder(const std::filesystem::path& folder);

// Parses one day table from CSV text; `file` names it in errors; `key_column` is "" for
// days.csv, else the grouping column (the first of the candidates present).
DayTable parse_day_table(std::string_view text, const std::string& file);
// ensemble_days.csv (point,date,output,mean,p5,p50,p95): the first point's rows as a wide
// day table; `point_shown` (if not null) receives that point's key.
DayTable parse_ensemble_days(std::string_view text, const std::string& file,
                             std::string* point_shown);
GroupedTable parse_grouped_table(std::string_view text, const std::string& file,
                                 const std::vector<std::string>& key_candidates);

}  // namespace bf::report
