// `borderflow run`: load and validate the scenario, simulate it, and write the results into
// a folder that appears whole or not at all.

#include <fmt/core.h>

#include <cstdio>
#include <fstream>

#include "apps/commands.h"
#include "apps/exit_codes.h"
#include "apps/report_command.h"
#include "apps/scenario_errors.h"
#include "apps/version.h"
#include "model/world.h"
#include "output/csv_day_writer.h"
#include "output/daily_console_line.h"
#include "output/fan_out.h"
#include "output/io_error.h"
#include "output/output_folder.h"
#include "output/reference_days.h"
#include "output/run_summary.h"
#include "output/spec_json.h"
#include "output/sqlite_day_writer.h"
#include "scenario/scenario_loader.h"
#include "util/sha256.h"

namespace bf::apps {
namespace {

// Prints one line a day to standard output while the run goes.
class ConsoleDays : public model::DayObserver {
 public:
  explicit ConsoleDays(bool quiet) : quiet_(quiet) {
    if (!quiet_) std::printf("%s\n", line_.header().c_str());
  }
  void on_day(const model::DayReport& report) override {
    if (!quiet_) std::printf("%s\n", line_(report).c_str());
  }

 private:
  bool quiet_;
  output::DailyConsoleLine line_;
};

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw output::IoError("cannot write " + path.string());
}

}  // namespace

int run_command(const RunOptions& options) {
  scenario::LoadOptions load_options;
  load_options.seed = options.seed;
  load_options.days = options.days;
  load_options.allow_large = options.allow_large;
  load_options.overrides = options.overrides;
  scenario::LoadResult loaded = scenario::load_scenario(options.scenario, load_options);
  if (!loaded.ok()) {
    print_scenario_errors(loaded, options.scenario, "; nothing was run");
    return kExitBadInput;
  }
  if (wants_ensemble(options, *loaded.scenario)) {
    return run_ensemble_command(options, *loaded.scenario);
  }
  const model::ModelSpec& spec = loaded.scenario->spec;

  std::optional<output::OutputFolder> folder;
  try {
    folder.emplace(output::OutputFolder::create(options.out));
  } catch (const std::exception& e) {
    print_error(e.what());
    return kExitBadInput;
  }

  try {
    output::CsvDayWriter csv(folder->path());
    output::SqliteDayWriter sqlite(folder->path());
    std::vector<std::string> policy_names;
    for (const model::PolicySpec& p : spec.policies) policy_names.push_back(p.name);
    output::RunSummary summary(std::move(policy_names));
    ConsoleDays console(options.quiet);
    output::FanOut observers({&csv, &sqlite, &summary, &console});

    model::World world(spec, /*replication=*/0);
    world.run(observers);

    output::Provenance provenance;
    provenance.version = kVersion;
    provenance.scenario_name = spec.name;
    provenance.scenario_file = options.scenario.string();
    provenance.scenario_sha256 = util::sha256(loaded.scenario->sources.front().contents);
    provenance.seed = spec.seed;
    provenance.start_date = spec.start_date;
    provenance.days = spec.days;
    provenance.fingerprint = world.fingerprint().hex();
    provenance.extra.emplace_back("events", std::to_string(world.events_processed()));
    for (const auto& source : loaded.scenario->sources) {
      provenance.extra.emplace_back("source " + source.path.filename().string(),
                                    util::sha256(source.contents));
    }

    csv.finish();
    std::vector<std::pair<std::string, std::string>> run_info = {
        {"version", provenance.version},
        {"scenario_name", provenance.scenario_name},
        {"scenario_file", provenance.scenario_file},
        {"scenario_sha256", provenance.scenario_sha256},
        {"seed", std::to_string(provenance.seed)},
        {"start_date", spec.start_date.to_string()},
        {"days", std::to_string(spec.days)},
        {"fingerprint", provenance.fingerprint}};
    for (const auto& kv : provenance.extra) run_info.push_back(kv);
    sqlite.write_run_info(run_info);
    sqlite.finish();
    summary.write_json(folder->file(output::RunSummary::kFileName), provenance);
    write_text(folder->file("scenario.json"), output::spec_to_json(spec).dump(2) + "\n");
    output::write_reference_days(folder->file(output::kReferenceDaysFile), spec);
    if (!options.no_report) write_run_report(folder->path(), options.out);
    folder->commit();

    std::printf("%s%s", options.quiet ? "" : "\n", summary.terminal_table().c_str());
    std::printf("fingerprint %s; results in %s/\n", provenance.fingerprint.c_str(),
                options.out.string().c_str());
    return kExitOk;
  } catch (const std::exception& e) {
    print_error(fmt::format("run failed, no results written: {}", e.what()).c_str());
    return kExitRunFailed;
  }
}

}  // namespace bf::apps
