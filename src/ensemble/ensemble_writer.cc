#include "ensemble/ensemble_writer.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

#include "engine/fingerprint.h"
#include "output/io_error.h"

namespace bf::ensemble {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPercentileMethod =
    "nearest rank on a log-linear histogram: exact for values below 256 (real outputs in "
    "hundredths), otherwise within 0.39% of the exact nearest-rank percentile; memory "
    "independent of the number of replications";

std::string hex64(std::uint64_t v) { return fmt::format("{:016x}", v); }

void append_real(std::string& out, double v) {
  output::append_cell(out, output::Cell{output::ColumnType::kReal, 0, v});
}
void append_value(std::string& out, double v, bool real) {
  if (real) {
    append_real(out, v);
  } else {
    fmt::format_to(std::back_inserter(out), "{}", static_cast<std::int64_t>(v));
  }
}

// CSV field: quoted when it holds a comma, quote or line end.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw output::IoError("cannot write " + path.string());
}

class Database {
 public:
  explicit Database(const fs::path& path) : path_(path) {
    sqlite3* db = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    db_.reset(db);
    check(rc, "opening");
    exec("PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; BEGIN");
  }
  void exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message);
    std::string text = message != nullptr ? message : "";
    sqlite3_free(message);
    if (rc != SQLITE_OK) throw output::IoError(path_.string() + ": " + text);
  }
  // Inserts rows of text/real/integer values through one prepared statement.
  struct Value {
    enum { kText, kReal, kInteger } kind;
    std::string text;
    double real = 0;
    std::int64_t integer = 0;
  };
  void insert(const std::string& table, const std::vector<std::vector<Value>>& rows) {
    if (rows.empty()) return;
    std::string sql = "INSERT INTO " + table + " VALUES (";
    for (std::size_t i = 0; i < rows.front().size(); ++i) sql += i == 0 ? "?" : ",?";
    sql += ")";
    sqlite3_stmt* raw = nullptr;
    check(sqlite3_prepare_v2(db_.get(), sql.c_str(), -1, &raw, nullptr), "preparing");
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        const int at = static_cast<int>(i) + 1;
        const Value& v = row[i];
        if (v.kind == Value::kText) {
          check(sqlite3_bind_text(raw, at, v.text.c_str(), static_cast<int>(v.text.size()),
                                  SQLITE_TRANSIENT),
                "binding");
        } else if (v.kind == Value::kReal) {
          check(sqlite3_bind_double(raw, at, v.real), "binding");
        } else {
          check(sqlite3_bind_int64(raw, at, v.integer), "binding");
        }
      }
      if (sqlite3_step(raw) != SQLITE_DONE) check(SQLITE_ERROR, "inserting");
      sqlite3_reset(raw);
    }
  }
  void finish() {
    exec("COMMIT");
    db_.reset();
  }

 private:
  void check(int rc, std::string_view doing) {
    if (rc == SQLITE_OK) return;
    throw output::IoError(fmt::format("{}: {} failed: {}", path_.string(), doing,
                                      db_ ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(rc)));
  }
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
  };
  fs::path path_;
  std::unique_ptr<sqlite3, Closer> db_;
};

using Value = Database::Value;
Value text(std::string s) { return Value{Value::kText, std::move(s)}; }
Value real(double v) { return Value{Value::kReal, {}, v}; }
Value integer(std::int64_t v) { return Value{Value::kInteger, {}, 0.0, v}; }

}  // namespace

std::string ensemble_fingerprint(const EnsembleStatistics& statistics) {
  engine::Fingerprint f;
  for (const ReplicationRow& r : statistics.rows()) {
    f.add_word(static_cast<std::uint64_t>(r.point));
    f.add_word(static_cast<std::uint64_t>(r.replication));
    f.add_word(r.fingerprint);
  }
  return f.hex();
}

void write_ensemble_results(const fs::path& folder, const EnsembleReport& report) {
  const EnsembleStatistics& stats = *report.statistics;
  const OutputColumns columns = OutputColumns::of_days_table();
  const bool sweep = report.point_assignments.size() > 1 ||
                     (!report.point_assignments.empty() && !report.point_assignments[0].empty());
  Database db(folder / "results.sqlite");
  db.exec(
      "CREATE TABLE ensemble_days (point INTEGER, date TEXT, output TEXT, mean REAL, p5 REAL, "
      "p50 REAL, p95 REAL)");

  // ensemble_days
  std::string csv = "point,date,output,mean,p5,p50,p95\n";
  std::vector<std::vector<Value>> rows;
  for (std::size_t p = 0; p < report.point_assignments.size(); ++p) {
    const PointStatistics* ps = stats.point(static_cast<int>(p));
    if (ps == nullptr)
      throw output::IoError("sweep point " + std::to_string(p) + " has no results");
    for (int d = 0; d < report.days; ++d) {
      const std::string date = (report.start_date + d).to_string();
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const bool is_real = columns.is_real(c);
        const BandValues b = ps->band(d, c, is_real);
        fmt::format_to(std::back_inserter(csv), "{},{},{},", p, date, columns.columns[c].name);
        append_real(csv, b.mean);
        for (double v : {b.p5, b.p50, b.p95}) {
          csv += ',';
          append_value(csv, v, is_real);
        }
        csv += '\n';
        rows.push_back({integer(static_cast<std::int64_t>(p)), text(date),
                        text(columns.columns[c].name), real(b.mean), real(b.p5), real(b.p50),
                        real(b.p95)});
      }
    }
  }
  write_text(folder / "ensemble_days.csv", csv);
  db.insert("ensemble_days", rows);

  // replications
  std::string header = "point,replication,fingerprint,events";
  std::string create =
      "CREATE TABLE replications (point INTEGER, replication INTEGER, fingerprint TEXT, events "
      "INTEGER";
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns.is_real(c)) continue;
    header += "," + columns.columns[c].name;
    create += ", \"" + columns.columns[c].name + "\" INTEGER";
  }
  db.exec(create + ")");
  csv = header + "\n";
  rows.clear();
  for (const ReplicationRow& r : stats.rows()) {
    fmt::format_to(std::back_inserter(csv), "{},{},{},{}", r.point, r.replication,
                   hex64(r.fingerprint), r.events);
    std::vector<Value> row = {integer(r.point), integer(r.replication), text(hex64(r.fingerprint)),
                              integer(static_cast<std::int64_t>(r.events))};
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (columns.is_real(c)) continue;
      fmt::format_to(std::back_inserter(csv), ",{}", r.totals[c]);
      row.push_back(integer(r.totals[c]));
    }
    csv += '\n';
    rows.push_back(std::move(row));
  }
  write_text(folder / "replications.csv", csv);
  db.insert("replications", rows);

  // sweep_points
  nlohmann::ordered_json points = nlohmann::ordered_json::array();
  if (sweep) {
    db.exec("CREATE TABLE sweep_points (point INTEGER, parameter TEXT, value TEXT)");
    csv = "point,parameter,value\n";
    rows.clear();
    for (std::size_t p = 0; p < report.point_assignments.size(); ++p) {
      nlohmann::ordered_json values = nlohmann::ordered_json::object();
      for (const auto& [path, value] : report.point_assignments[p]) {
        csv += fmt::format("{},{},{}\n", p, csv_field(path), csv_field(value));
        rows.push_back({integer(static_cast<std::int64_t>(p)), text(path), text(value)});
        values[path] = value;
      }
      points.push_back({{"point", p}, {"set", values}});
    }
    write_text(folder / "sweep_points.csv", csv);
    db.insert("sweep_points", rows);
  }

  // run (provenance) and summary.json
  const std::string fingerprint = ensemble_fingerprint(stats);
  std::vector<std::pair<std::string, std::string>> run = report.provenance;
  run.emplace_back("replications", std::to_string(report.replications));
  run.emplace_back("sweep_points", std::to_string(report.point_assignments.size()));
  run.emplace_back("ensemble_fingerprint", fingerprint);
  run.emplace_back("percentile_method", std::string(kPercentileMethod));
  db.exec("CREATE TABLE run (key TEXT, value TEXT)");
  rows.clear();
  nlohmann::ordered_json provenance = nlohmann::ordered_json::object();
  for (const auto& [k, v] : run) {
    rows.push_back({text(k), text(v)});
    provenance[k] = v;
  }
  db.insert("run", rows);
  db.finish();

  nlohmann::ordered_json summary;
  summary["provenance"] = provenance;
  summary["replications"] = report.replications;
  if (sweep) summary["sweep_points"] = points;
  write_text(folder / "summary.json", summary.dump(2) + "\n");
}

}  // namespace bf::ensemble
