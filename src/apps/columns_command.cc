#include "apps/columns_command.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "apps/exit_codes.h"
#include "output/output_schema.h"

namespace bf::apps {

CLI::App* add_columns_subcommand(CLI::App& app, ColumnsOptions& options) {
  CLI::App* cmd =
      app.add_subcommand("columns", "Print the dictionary of the output columns (Markdown)");
  cmd->add_option("--table", options.table, "Only this table")
      ->check(CLI::IsMember({"days", "sector_days", "port_days", "summary"}));
  return cmd;
}

int columns_command(const ColumnsOptions& options) {
  std::cout << output::column_dictionary(options.table);
  return kExitOk;
}

}  // namespace bf::apps
