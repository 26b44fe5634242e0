#pragma once
// `borderflow columns [--table days|sector_days|port_days|summary|compare]`: the dictionary
// of every output column, as Markdown, from the output schema (output/output_schema.h) and
// the compare metrics (compare/replication_metrics.h). docs/columns.md
// is this command's output (a test keeps them equal).

#include <string>

namespace CLI {
class App;
}

namespace bf::apps {

struct ColumnsOptions {
  std::string table;  // one table only; default: all of them
};

// Adds the `columns` subcommand to `app`, filling `options` when it is parsed.
CLI::App* add_columns_subcommand(CLI::App& app, ColumnsOptions& options);

// Prints the dictionary to standard output; exit code 0.
int columns_command(const ColumnsOptions& options);

}  // namespace bf::apps
