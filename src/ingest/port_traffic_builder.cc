#include "ingest/port_traffic_builder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <tuple>

#include "ingest/data_fields.h"
#include "util/atomic_file.h"
#include "util/csv_reader.h"
#include "util/number_format.h"
#include "util/sha256.h"

namespace bf::ingest {
namespace {

using model::Mode;

std::string_view mode_key(Mode mode) { return model::kModeKeys[static_cast<std::size_t>(mode)]; }

std::string_view source_key(TrafficSource source) {
  return kTrafficSourceKeys[static_cast<std::size_t>(source)];
}

// A scenario key: lower-case ASCII letters, digits and '_', starting with a letter.
bool is_key(std::string_view text) {
  if (text.empty() || text[0] < 'a' || text[0] > 'z') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// A share written as a plain decimal number (no sign, exponent, "inf" or "nan").
std::optional<double> parse_share(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) {
    return std::nullopt;
  }
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// "unknown X "text"" with the nearest candidate as a hint, or the list of candidates.
std::string unknown_value(std::string_view what, std::string_view text,
                          const std::vector<std::string_view>& candidates) {
  std::string message = "unknown " + std::string(what) + " " + detail::quote_text(text);
  if (auto near = nearest_name(text, candidates)) {
    message += " (did you mean " + detail::quote_text(*near) + "?)";
  } else if (candidates.size() <= 8) {
    message += " (expected one of";
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      message += (i ? ", " : " ") + detail::quote_text(candidates[i]);
    }
    message += ")";
  }
  return message;
}

}  // namespace

CrossingSourceTable parse_crossing_sources(std::string_view bytes, std::string file) {
  CrossingSourceTable table;
  table.file = std::move(file);
  const std::vector<std::string_view> columns(std::begin(kCrossingSourceColumns),
                                              std::end(kCrossingSourceColumns));
  const std::vector<std::string_view> mode_keys(model::kModeKeys.begin(), model::kModeKeys.end());
  const std::vector<std::string_view> source_keys(std::begin(kTrafficSourceKeys),
                                                  std::end(kTrafficSourceKeys));

  std::map<std::pair<std::string, int>, int> first_line;  // (crossing, mode) -> line
  // (source, source_port, mode) -> shares so far: together they may not exceed the whole count.
  std::map<std::tuple<int, std::string, int>, double> share_total;
  detail::for_each_record(
      bytes, columns, table.file, table.errors, table.data_rows, [&](detail::Record& rec) {
        CrossingSource row;
        row.line = rec.line();
        row.port_column = rec.field(3).column;
        row.crossing = rec.field(0).text;
        if (!is_key(row.crossing)) {
          rec.fail(
              0, "crossing " + detail::quote_text(row.crossing) +
                     " is not a key (lower-case letters, digits and '_', starting with a letter)");
        }
        std::optional<Mode> mode;
        for (std::size_t m = 0; m < mode_keys.size(); ++m) {
          if (rec.field(1).text == mode_keys[m]) mode = static_cast<Mode>(m);
        }
        if (!mode) rec.fail(1, unknown_value("mode", rec.field(1).text, mode_keys));
        std::optional<TrafficSource> source;
        for (std::size_t s = 0; s < source_keys.size(); ++s) {
          if (rec.field(2).text == source_keys[s]) source = static_cast<TrafficSource>(s);
        }
        if (!source) rec.fail(2, unknown_value("source", rec.field(2).text, source_keys));
        row.source_port = rec.field(3).text;
        if (row.source_port.empty()) rec.fail(3, "empty source_port");
        const auto share = parse_share(rec.field(4).text);
        if (!share || *share <= 0 || *share > 1) {
          rec.fail(4,
                   "share " + detail::quote_text(rec.field(4).text) + " is not a number in (0, 1]");
        }
        if (rec.failed()) return;
        row.mode = *mode;
        row.source = *source;
        row.share = *share;

        const auto [it, inserted] =
            first_line.emplace(std::pair{row.crossing, static_cast<int>(row.mode)}, rec.line());
        if (!inserted) {
          rec.fail_record("duplicate row: crossing " + detail::quote_text(row.crossing) + " mode " +
                          std::string(mode_key(row.mode)) + " already on line " +
                          std::to_string(it->second));
          return;
        }
        double& total = share_total[{static_cast<int>(row.source), row.source_port,
                                     static_cast<int>(row.mode)}];
        total += row.share;
        // Shares are written with a few decimals; 1e-9 absorbs their binary rounding.
        if (total > 1 + 1e-9) {
          rec.fail(4, "shares of " + std::string(source_key(row.source)) + " " +
                          detail::quote_text(row.source_port) + " " +
                          std::string(mode_key(row.mode)) + " add up to " + util::fixed(total, 4) +
                          " (more than the whole count)");
          return;
        }
        table.rows.push_back(std::move(row));
      });
  return table;
}

util::YearMonth reference_month(util::YearMonth target, util::YearMonth source_last) {
  const util::YearMonth year_before{target.year - 1, target.month};
  if (year_before <= source_last) return year_before;
  return {target.month <= source_last.month ? source_last.year : source_last.year - 1,
          target.month};
}

PortTrafficResult build_port_traffic(const CrossingSourceTable& sources,
                                     const BtsCrossingTable& bts, const TexasCrossingTable& texas,
                                     util::YearMonth first, util::YearMonth last) {
  PortTrafficResult result;
  if (last < first) {
    result.errors.push_back(
        {"", 0, 0, "empty month range: " + first.to_string() + " is after " + last.to_string()});
    return result;
  }
  if (sources.rows.empty()) {
    result.errors.push_back({sources.file, 0, 0, "no rows: no crossing to derive traffic for"});
    return result;
  }
  // Counts by (series name, month index, mode or measure).
  using Key = std::tuple<std::string, int, int>;
  std::map<Key, std::int64_t> texas_units, bts_units;
  std::set<std::string> texas_names, bts_names;
  if (!texas.rows.empty()) result.texas_last = texas.rows.front().month;
  if (!bts.rows.empty()) result.bts_last = bts.rows.front().month;
  for (const TexasCrossingRow& r : texas.rows) {
    texas_units[{r.crossing, r.month.index(), static_cast<int>(r.mode)}] = r.units;
    texas_names.insert(r.crossing);
    result.texas_last = std::max(result.texas_last, r.month);
  }
  for (const BtsCrossingRow& r : bts.rows) {
    bts_units[{r.port, r.month.index(), static_cast<int>(r.measure)}] = r.units;
    bts_names.insert(r.port);
    result.bts_last = std::max(result.bts_last, r.month);
  }

  for (const CrossingSource& s : sources.rows) {
    if (s.source == TrafficSource::kTexas) result.uses_texas = true;
    if (s.source == TrafficSource::kBts) result.uses_bts = true;
  }
  if (result.uses_texas && texas.rows.empty()) {
    result.errors.push_back({texas.file, 0, 0, "no rows: the sources file needs its counts"});
  }
  if (result.uses_bts && bts.rows.empty()) {
    result.errors.push_back(
        {bts.file, 0, 0, "no US-Mexico rows: the sources file needs its counts"});
  }
  if (!result.errors.empty()) return result;

  std::map<std::string, int> crossing_index;
  for (const CrossingSource& s : sources.rows) {
    const auto [it, inserted] =
        crossing_index.emplace(s.crossing, static_cast<int>(result.crossings.size()));
    if (inserted) result.crossings.push_back(s.crossing);
    const bool is_texas = s.source == TrafficSource::kTexas;
    const std::set<std::string>& names = is_texas ? texas_names : bts_names;
    const std::string& data_file = is_texas ? texas.file : bts.file;
    auto fail = [&](std::string message) {
      result.errors.push_back({sources.file, s.line, s.port_column, std::move(message)});
    };
    if (!names.count(s.source_port)) {
      std::vector<std::string_view> candidates(names.begin(), names.end());
      fail(unknown_value(is_texas ? "texas crossing" : "bts port", s.source_port, candidates) +
           " in " + data_file);
      continue;
    }
    const util::YearMonth source_last = is_texas ? result.texas_last : result.bts_last;
    for (util::YearMonth m = first; m <= last; m = m.next()) {
      const util::YearMonth ref = reference_month(m, source_last);
      auto missing = [&](std::string_view series) {
        fail(std::string(source_key(s.source)) + " has no " + detail::quote_text(series) +
             " row for " + detail::quote_text(s.source_port) + " in " + ref.to_string() +
             " (reference month of " + m.to_string() + ") nor in the " +
             std::to_string(kMaxGapYears) + " years before in " + data_file);
      };
      // A missing row is a gap (BTS also leaves out rows whose value is 0 from 2017 on, but a
      // measure the sources file names is never 0 for a whole month at a modelled crossing):
      // step back a year at a time, and say so in the table's header.
      auto find_units = [&](std::string_view series, auto& units,
                            int key) -> std::optional<std::int64_t> {
        for (int back = 0; back <= kMaxGapYears; ++back) {
          const util::YearMonth year{ref.year - back, ref.month};
          const auto found = units.find({s.source_port, year.index(), key});
          if (found == units.end()) continue;
          if (back > 0) {
            result.gaps.push_back(std::string(source_key(s.source)) + " " +
                                  detail::quote_text(s.source_port) + " " +
                                  detail::quote_text(series) + " " + ref.to_string() +
                                  " missing: " + year.to_string() + " used");
          }
          return found->second;
        }
        missing(series);
        return std::nullopt;
      };
      std::int64_t count = 0;
      bool complete = true;
      if (is_texas) {
        for (const TexasModeName& t : kTexasModes) {
          if (t.mode != s.mode) continue;
          const auto units = find_units(t.text, texas_units, static_cast<int>(s.mode));
          complete = units.has_value();
          count = units.value_or(0);
        }
      } else {
        for (int b = 0; b < kBtsMeasureCount; ++b) {
          if (kBtsMeasureModes[b] != s.mode) continue;
          const auto units = find_units(kBtsMeasureNames[b], bts_units, b);
          complete = complete && units.has_value();
          count += units.value_or(0);
        }
      }
      if (!complete) continue;
      const double days = util::days_in_month(ref.year, ref.month);
      result.rows.push_back({it->second, m, s.mode, s.share * static_cast<double>(count) / days});
    }
  }
  if (!result.errors.empty()) result.rows.clear();
  return result;
}

void write_port_traffic(std::ostream& out, const PortTrafficResult& table,
                        const std::vector<ArrivalTableSource>& sources,
                        std::string_view derived_by) {
  out << "# borderflow traffic table: normal northbound units per day\n";
  out << "# derived by: " << derived_by << "\n";
  out << "# method: " << kPortTrafficMethod << "\n";
  out << "# reference month: " << kPortTrafficReferenceRule << "\n";
  std::vector<util::YearMonth> months;
  for (const model::TrafficLevel& r : table.rows) months.push_back(r.month);
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  for (util::YearMonth m : months) {
    out << "# reference months of " << m.to_string() << ":";
    if (table.uses_bts) out << " bts " << reference_month(m, table.bts_last).to_string();
    if (table.uses_bts && table.uses_texas) out << ",";
    if (table.uses_texas) out << " texas " << reference_month(m, table.texas_last).to_string();
    out << "\n";
  }
  for (const std::string& gap : table.gaps) out << "# gap: " << gap << "\n";
  for (const ArrivalTableSource& source : sources) {
    out << "# source: " << source.file_name << " sha256=" << source.sha256
        << " rows=" << source.rows << "\n";
  }
  out << "crossing,month,mode,units_per_day\n";
  std::vector<model::TrafficLevel> sorted = table.rows;
  auto key = [](const model::TrafficLevel& a) {
    return std::tuple(a.crossing, a.month, static_cast<int>(a.mode));
  };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const auto& a, const auto& b) { return key(a) < key(b); });
  for (const model::TrafficLevel& row : sorted) {
    out << table.crossings[static_cast<std::size_t>(row.crossing)] << ',' << row.month.to_string()
        << ',' << mode_key(row.mode) << ',' << util::fixed(row.units_per_day, 4) << '\n';
  }
}

CalibrateResult calibrate_ports(const CalibratePortsOptions& options) {
  CalibrateResult result;
  result.exit_code = kCalibrateBadInput;
  const FileText sources_text = read_file_bytes(options.sources_csv);
  const FileText bts_text = read_file_bytes(options.bts_csv);
  const FileText texas_text = read_file_bytes(options.texas_csv);
  for (const FileText* t : {&sources_text, &bts_text, &texas_text}) {
    if (t->error) result.errors.push_back(*t->error);
  }
  if (!result.errors.empty()) return result;

  const CrossingSourceTable sources =
      parse_crossing_sources(*sources_text.bytes, options.sources_csv.string());
  const BtsCrossingTable bts = parse_bts_crossings(*bts_text.bytes, options.bts_csv.string());
  const TexasCrossingTable texas =
      parse_texas_crossings(*texas_text.bytes, options.texas_csv.string());
  for (const auto* errors : {&sources.errors, &bts.errors, &texas.errors}) {
    result.errors.insert(result.errors.end(), errors->begin(), errors->end());
  }
  if (!result.errors.empty()) return result;

  PortTrafficResult table = build_port_traffic(sources, bts, texas, options.first, options.last);
  if (!table.ok()) {
    result.errors = std::move(table.errors);
    return result;
  }

  const std::string sources_name = options.sources_csv.filename().string();
  const std::string bts_name = options.bts_csv.filename().string();
  const std::string texas_name = options.texas_csv.filename().string();
  const std::string derived_by = "borderflow calibrate-ports --sources " + sources_name +
                                 " --bts " + bts_name + " --texas " + texas_name + " --from " +
                                 options.first.to_string() + " --to " + options.last.to_string() +
                                 " -o " + options.output.filename().string();
  const std::vector<ArrivalTableSource> files = {
      {sources_name, util::sha256(*sources_text.bytes), sources.data_rows},
      {bts_name, util::sha256(*bts_text.bytes), bts.data_rows},
      {texas_name, util::sha256(*texas_text.bytes), texas.data_rows}};
  std::ostringstream text;
  write_port_traffic(text, table, files, derived_by);

  if (auto error = util::write_file_atomically(options.output, text.str())) {
    result.exit_code = kCalibrateWriteFailed;
    result.errors.push_back({std::move(error->file), 0, 0, std::move(error->message)});
    return result;
  }
  result.exit_code = kCalibrateOk;
  return result;
}

int run_calibrate_ports(const CalibratePortsOptions& options, std::ostream& err) {
  const CalibrateResult result = calibrate_ports(options);
  for (const DataError& e : result.errors) err << e.to_string() << '\n';
  return result.exit_code;
}

}  // namespace bf::ingest
