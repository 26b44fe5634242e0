// borderflow: the command-line entry point. Parses arguments and dispatches to a
// subcommand; all the work happens in the *_command.cc files.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "apps/cli_suggestion.h"
#include "apps/columns_command.h"
#include "apps/commands.h"
#include "apps/compare_command.h"
#include "apps/exit_codes.h"
#include "apps/fit_demand_command.h"
#include "apps/number_options.h"
#include "apps/report_command.h"
#include "apps/sensitivity_command.h"
#include "apps/serve_command.h"
#include "apps/set_option.h"
#include "apps/validate_command.h"
#include "apps/version.h"

namespace {}  // namespace

int main(int argc, char** argv) {
  using namespace bf::apps;
  CLI::App app{
      "borderflow: a simulator of migration flows and their processing at the "
      "US-Mexico border"};
  app.set_version_flag("--version", std::string("borderflow ") + kVersion);
  app.require_subcommand(1);

  RunOptions run;
  std::uint64_t seed = 0;
  int days = 0;
  CLI::App* run_cmd = app.add_subcommand("run", "Simulate a scenario and write its results");
  run_cmd->add_option("scenario", run.scenario, "Scenario YAML file")->required();
  run_cmd->add_option("--out,-o", run.out, "Result folder (replaced whole on success)")
      ->capture_default_str();
  auto* seed_opt =
      run_cmd->add_option("--seed", seed, "Root random seed, 0 to 2^64-1 (overrides the scenario)")
          ->check(whole_number_64());
  // 36,525 days (100 years) is the scenario loader's own limit.
  auto* days_opt = run_cmd->add_option("--days", days, "Days to simulate (overrides the scenario)")
                       ->check(digits_only())
                       ->check(CLI::Range(1, 36525));
  run_cmd->add_flag("--quiet,-q", run.quiet, "Print only the final summary");
  run_cmd->add_flag("--no-report", run.no_report,
                    "Do not write report.html into the result folder");
  int replications = 0, threads = 0;
  auto* replications_opt =
      run_cmd
          ->add_option("--replications,-n", replications,
                       "Replications per sweep point (overrides the scenario's ensemble section)")
          ->check(digits_only())
          ->check(CLI::Range(1, 1000000));
  auto* threads_opt =
      run_cmd
          ->add_option("--threads,-j", threads, "Worker threads per process (default: all cores)")
          ->check(digits_only())
          ->check(CLI::Range(1, 1024));
  run_cmd->add_flag(
      "--allow-large", run.allow_large,
      "Run even if it expects more than 20 million people (memory: about 70 bytes each)");
  run_cmd->add_flag("--resume", run.resume,
                    "Finish an interrupted ensemble from its checkpoint (OUT.checkpoint)");
  add_set_option(*run_cmd, run.overrides);

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "Validate a scenario without running it");
  check_cmd->add_option("scenario", check.scenario, "Scenario YAML file")->required();
  check_cmd->add_flag("--allow-large", check.allow_large,
                      "Accept a run expecting more than 20 million people");
  add_set_option(*check_cmd, check.overrides);

  CalibrateCommandOptions calibrate;
  CLI::App* cal_cmd = app.add_subcommand(
      "calibrate", "Derive an arrival table from the official CBP and DHS OHSS files");
  cal_cmd
      ->add_option("--encounters", calibrate.encounters,
                   "CBP Southwest Land Border Encounters CSV, as published; repeat for several "
                   "releases (a month in more than one comes from the one with the latest data)")
      ->required()
      ->take_all();
  cal_cmd
      ->add_option("--sectors", calibrate.sectors,
                   "DHS OHSS monthly region x sector CSV (extract of the KHSM workbook)")
      ->required();
  cal_cmd->add_option("--citizenship", calibrate.citizenship,
                      "DHS OHSS monthly region x citizenship CSV: check CBP's citizenship "
                      "margins against it; the margin of months before CBP's file");
  cal_cmd->add_option("--family-status", calibrate.family_status,
                      "DHS OHSS monthly region x family status CSV: check CBP's demographic "
                      "margins against it; the margin of months before CBP's file");
  cal_cmd->add_option("--monthly-tables", calibrate.monthly_tables,
                      "DHS OHSS monthly tables, long CSV extract: Title 42 expulsions by family "
                      "status of months before CBP's file (needed only for those)");
  cal_cmd->add_option("--from", calibrate.first_month, "First month, YYYY-MM")->required();
  cal_cmd->add_option("--to", calibrate.last_month, "Last month, YYYY-MM")->required();
  cal_cmd->add_option("--output,-o", calibrate.output, "Arrival table to write")->required();

  CalibratePortsCommandOptions ports;
  CLI::App* ports_cmd = app.add_subcommand(
      "calibrate-ports",
      "Derive a port traffic table from the BTS and Texas crossing files (data/ports)");
  ports_cmd
      ->add_option("--sources", ports.sources,
                   "Which published series feeds each crossing and mode "
                   "(data/ports/crossing-sources.csv)")
      ->required();
  ports_cmd->add_option("--bts", ports.bts, "BTS Border Crossing Entry Data CSV, as published")
      ->required();
  ports_cmd
      ->add_option("--texas", ports.texas,
                   "Texas-Mexico monthly northbound crossings CSV (UNT processing of CBP counts)")
      ->required();
  ports_cmd->add_option("--from", ports.first_month, "First month, YYYY-MM")->required();
  ports_cmd->add_option("--to", ports.last_month, "Last month, YYYY-MM")->required();
  ports_cmd->add_option("--output,-o", ports.output, "Traffic table to write")->required();

  CalibrateOutcomesCommandOptions outcomes;
  CLI::App* outcomes_cmd = app.add_subcommand(
      "calibrate-outcomes",
      "Derive an outcome-mix table from DHS OHSS's book-outs and CBP's encounters "
      "(data/outcomes)");
  outcomes_cmd
      ->add_option("--bookouts", outcomes.bookouts,
                   "DHS OHSS CBP SW border book-outs by agency, monthly (wide CSV extract)")
      ->required();
  outcomes_cmd
      ->add_option("--monthly-tables", outcomes.monthly_tables,
                   "DHS OHSS Immigration Enforcement and Legal Processes Monthly Tables (long "
                   "CSV extract): book-outs by family status and citizenship, ICE book-ins")
      ->required();
  outcomes_cmd
      ->add_option("--encounters", outcomes.encounters,
                   "CBP Southwest Land Border Encounters CSV; repeat for several releases")
      ->required()
      ->take_all();
  outcomes_cmd->add_option("--from", outcomes.first_month, "First month, YYYY-MM")->required();
  outcomes_cmd->add_option("--to", outcomes.last_month, "Last published month, YYYY-MM")
      ->required();
  outcomes_cmd->add_option("--carry-to", outcomes.carry_to,
                           "Repeat the last month's shares up to this month, YYYY-MM (a run "
                           "past the published data)");
  outcomes_cmd->add_option("--output,-o", outcomes.output, "Outcome-mix table to write")
      ->required();

  FitDemandOptions fit_demand;
  CLI::App* fit_demand_cmd = add_fit_demand_subcommand(app, fit_demand);

  ValidateOptions validate;
  CLI::App* validate_cmd = add_validate_subcommand(app, validate);

  CompareOptions compare;
  CLI::App* compare_cmd = add_compare_subcommand(app, compare);

  SensitivityOptions sensitivity;
  CLI::App* sensitivity_cmd = add_sensitivity_subcommand(app, sensitivity);

  ServeOptions serve;
  CLI::App* serve_cmd = add_serve_subcommand(app, serve);

  ReportOptions report;
  CLI::App* report_cmd = add_report_subcommand(app, report);

  ColumnsOptions columns;
  CLI::App* columns_cmd = add_columns_subcommand(app, columns);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    const std::string hint =
        command_line_suggestion(app, std::vector<std::string>(argv + 1, argv + argc));
    if (code != 0 && !hint.empty()) print_error(hint.c_str());
    return code == 0 ? kExitOk : kExitBadInput;
  }

  if (*run_cmd) {
    if (*seed_opt) run.seed = seed;
    if (*days_opt) run.days = days;
    if (*replications_opt) run.replications = replications;
    if (*threads_opt) run.threads = threads;
    return run_command(run);
  }
  if (*report_cmd) return report_command(report);
  if (*columns_cmd) return columns_command(columns);
  if (*check_cmd) return check_command(check);
  if (*fit_demand_cmd) return fit_demand_command(fit_demand);
  if (*validate_cmd) return validate_command(validate);
  if (*compare_cmd) return compare_command(compare);
  if (*sensitivity_cmd) return sensitivity_command(sensitivity);
  if (*serve_cmd) return serve_command(serve);
  if (*ports_cmd) return calibrate_ports_command(ports);
  if (*outcomes_cmd) return calibrate_outcomes_command(outcomes);
  return calibrate_command(calibrate);
}
