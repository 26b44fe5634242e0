#include "apps/columns_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <iterator>
#include <string>

#include "apps/exit_codes.h"
#include "compare/replication_metrics.h"
#include "output/output_schema.h"

namespace bf::apps {
namespace {

std::string_view period_text(compare::Aggregation aggregation) {
  switch (aggregation) {
    case compare::Aggregation::kSum:
      return "sum over the days";
    case compare::Aggregation::kMean:
      return "mean of the end-of-day values";
    case compare::Aggregation::kPeak:
      return "largest end-of-day value";
  }
  return "";
}

// The metrics of `compare` and `sensitivity`, each a column of the schema read over a period.
std::string compare_section() {
  std::string out =
      "## compare\n\nThe metrics of `borderflow compare` (`compare.csv`'s `metric`) and "
      "`borderflow sensitivity --metric`, for the run and each calendar month: each reads one "
      "column of `days`, or of `port_days` summed over the crossings (runs with ports "
      "only).\n\n| metric | label | column | over the period |\n| --- | --- | --- | --- |\n";
  for (const compare::Metric& m : compare::kMetrics) {
    fmt::format_to(std::back_inserter(out), "| `{}` | {} | `{}.{}` | {} |\n", m.key, m.label,
                   m.port ? "port_days" : "days", m.column, period_text(m.aggregation));
  }
  return out;
}

}  // namespace

CLI::App* add_columns_subcommand(CLI::App& app, ColumnsOptions& options) {
  CLI::App* cmd =
      app.add_subcommand("columns", "Print the dictionary of the output columns (Markdown)");
  cmd->add_option("--table", options.table, "Only this table")
      ->check(CLI::IsMember({"days", "sector_days", "port_days", "summary", "compare"}));
  return cmd;
}

int columns_command(const ColumnsOptions& options) {
  if (options.table == "compare") {
    std::cout << compare_section();
  } else if (options.table.empty()) {
    std::cout << output::column_dictionary() << "\n" << compare_section();
  } else {
    std::cout << output::column_dictionary(options.table);
  }
  return kExitOk;
}

}  // namespace bf::apps
