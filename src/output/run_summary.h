#pragma once
// Totals, means and peaks of a whole run, accumulated day by day (constant memory), written
// as summary.json and as a short table for the terminal.
//
// Which values of the day tables appear where is decided by the output schema
// (output/output_schema.h, Field::summary); the layout below is what it gives today, and
// `borderflow columns --table summary` lists it. Conventions: totals and means are over the
// days observed; "Southwest" values sum the nine
// sectors (see output/day_columns.h for what that means for over_capacity); a peak is the largest
// end-of-day value with the first date it was reached (ties keep the earlier date); means are
// rounded to 2 decimals; time in custody (TIC) is the mean over every person who left Border
// Patrol custody during the run, in hours.
//
// summary.json layout (keys in this order):
//   provenance  {version, scenario, scenario_file, scenario_sha256, seed, start_date, days,
//                fingerprint, extra{...}}
//   period      {first_date, last_date, days_observed}     (dates null before the first day)
//   totals      {crossings, repeat_crossings, encounters, encounters_by_demographic{...},
//                encounters_by_citizenship{...}, gotaways, processed, returned_to_mexico,
//                title42_expulsions, transferred_to_ice, released, transferred_to_orr,
//                left_custody, detention_book_ins, detention_releases, removals,
//                removals_by_destination{...}, orr_releases}
//   means       {daily_crossings, daily_encounters, daily_gotaways, in_custody,
//                detention_population, tic_hours}
//   peaks       {encounters, in_custody, over_capacity, held_over_72h, awaiting_processing,
//                detention_population, awaiting_detention_bed, orr_population,
//                waiting_in_mexico}, each {value, date}
//   sectors     {<sector key>: {crossings, encounters, gotaways, peak_in_custody,
//                peak_over_capacity, peak_held_over_72h}}, west to east
//   final_states {entered, waiting_in_mexico, crossing, in_custody, in_detention, in_orr,
//                got_away, in_mexico, released, removed}   (last day's; all 0 before any day)
//   ports        (only for runs with ports; from the port_days fields' port_key, in
//                port_order) {encounters, appointments, trucks_processed,
//                railcars_processed, units_lost, truck_hours_delay, railcar_days_delay,
//                freight_delayed_usd, closed_crossing_days, officers_redeployed_days}
//   policies     (only for runs with policies) {<policy name>: {days_in_force,
//                first_day_in_force, last_day_in_force}}   (dates null when never in force)
//   warnings     (only when one applies) {custody_over_capacity: {multiple, days,
//                first_date, max_ratio, max_ratio_date}}: Border Patrol custody, all
//                sectors, above `multiple` (kCustodyWarningMultiple) × the holding capacity
//                in force at the end of a day; the terminal table prints it too

#include <array>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/day_report.h"
#include "util/date.h"

namespace bf::output {

// Where a run's numbers came from; copied verbatim into summary.json.
struct Provenance {
  std::string version;  // borderflow version, e.g. "0.1.0"
  std::string scenario_name;
  std::string scenario_file;    // as given on the command line
  std::string scenario_sha256;  // of the scenario file's bytes, lowercase hex
  std::uint64_t seed = 0;       // root seed
  util::Date start_date;        // first simulated day
  int days = 0;                 // days requested
  std::string fingerprint;      // event-sequence fingerprint, hex (engine::Fingerprint::hex)
  std::vector<std::pair<std::string, std::string>> extra;  // more key-values, in order
};

// A run whose end-of-day custody passes this multiple of the total holding capacity says so
// (summary.json `warnings`, the terminal table): a processing queue running away.
inline constexpr double kCustodyWarningMultiple = 2.0;

class RunSummary : public model::DayObserver {
 public:
  static constexpr std::string_view kFileName = "summary.json";

  // A largest end-of-day value and the first day it was reached (nullopt before any day).
  struct Peak {
    std::int64_t value = 0;
    std::optional<util::Date> date;
    // Keeps the earlier date on ties.
    void offer(std::int64_t v, util::Date d) {
      if (!date || v > value) {
        value = v;
        date = d;
      }
    }
  };

  // The scenario's policy names, in ModelSpec::policies order: their days in force are
  // counted (DayReport::policies_in_force) and reported.
  explicit RunSummary(std::vector<std::string> policy_names = {});

  void on_day(const model::DayReport& report) override;

  int days_observed() const { return days_observed_; }
  std::int64_t total_crossings() const { return total("crossings"); }
  std::int64_t total_encounters() const { return total("encounters"); }
  std::int64_t total_removals() const { return total("removals"); }
  const Peak& peak_in_custody() const { return peak("in_custody"); }
  const Peak& peak_over_capacity() const { return peak("over_capacity"); }

  nlohmann::ordered_json to_json(const Provenance& provenance) const;
  // to_json(provenance) dumped with a 2-space indent and a trailing newline, written to
  // `path` (usually OutputFolder::file(kFileName)). Throws IoError.
  void write_json(const std::filesystem::path& path, const Provenance& provenance) const;

  // A few aligned lines of totals and peaks for the end of a CLI run, each ending in '\n';
  // integers grouped by thousands with ',' (no locale).
  std::string terminal_table() const;

 private:
  // The run's value of days-table column `name` (its sum over days) and its peak.
  std::int64_t total(std::string_view name) const;
  const Peak& peak(std::string_view name) const;

  double mean_per_day(std::int64_t total) const;
  // means.<rate_mean_key> of days field `f`: its weighted sum ÷ the total of its weight.
  double rate_mean(std::size_t f) const;

  struct PolicyDays {
    std::string name;
    int days_in_force = 0;
    std::optional<util::Date> first, last;
  };
  std::vector<PolicyDays> policies_;

  // Days with custody above kCustodyWarningMultiple × the holding capacity, the first of
  // them, and the largest ratio of custody to capacity with its first date.
  int days_over_capacity_multiple_ = 0;
  std::optional<util::Date> first_over_capacity_multiple_;
  double max_custody_ratio_ = 0.0;
  std::optional<util::Date> max_custody_ratio_date_;
  std::size_t custody_field_ = 0, capacity_field_ = 0;  // days-table field indices

  int days_observed_ = 0;
  std::optional<util::Date> first_date_;
  std::optional<util::Date> last_date_;

  // Per field of the days table (output::fields(Table::kDays)), in its order: the sum over
  // days of the daily values (sector values summed), the peak, the last day's value, and for
  // a rate the sum over sector-days of rate × its weight (tic_hours: mean hours × people).
  std::vector<std::int64_t> sums_;
  std::vector<Peak> peaks_;
  std::vector<std::int64_t> last_;
  std::vector<double> weighted_;
  // Per sector, per field: sum over days and peak (fields marked sector_total, sector_peak).
  std::vector<std::vector<std::int64_t>> sector_sums_;
  std::vector<std::vector<Peak>> sector_peaks_;
  std::vector<std::size_t> weight_of_;  // per field: index of its rate_weight field, if any

  // Ports of entry (absent when the run has no ports): one entry per SummaryUse::port_key of
  // the port_days fields, in port_order, summed over crossings and days (integer fields in
  // `integer`, real ones in `real`), or with any_nonzero the crossing-days counted in
  // `integer`.
  struct PortTotal {
    std::string_view key;
    bool any_nonzero = false;
    bool is_integer = true;           // every field of the key is an integer column
    std::vector<std::size_t> fields;  // indices into fields(Table::kPortDays)
    std::int64_t integer = 0;
    double real = 0.0;
  };
  const PortTotal& port_total(std::string_view key) const;
  bool has_ports_ = false;
  std::vector<PortTotal> ports_;
};

}  // namespace bf::output
