#pragma once
// `borderflow report OUT_DIR [-o FILE] [--compare OUT_B] [--figures DIR]`: the HTML report
// of a result folder (src/report), and the hook `run` uses to put report.html into its
// result folder before committing it.

#include <filesystem>
#include <optional>

namespace CLI {
class App;
}

namespace bf::apps {

struct ReportOptions {
  std::filesystem::path folder;  // result folder of `borderflow run`
  // An .html file in an existing folder; default: folder/report.html, or
  // folder/report-compare.html with `compare`.
  std::optional<std::filesystem::path> output;
  std::optional<std::filesystem::path> compare;  // a second result folder (run B)
  std::optional<std::filesystem::path> figures;  // write each chart as DIR/<chart>.svg
};

// Adds the `report` subcommand to `app`, filling `options` when it is parsed.
CLI::App* add_report_subcommand(CLI::App& app, ReportOptions& options);

// Exit codes: 0 written; 2 a folder or its files are missing or malformed, the output is
// not an .html file in an existing folder, --figures is a file, or the compared folders cover
// different days (nothing is written); 3 the report or a figure could not be written.
int report_command(const ReportOptions& options);

// The report of the (not yet committed) result folder `folder`, written as
// folder/report.html; the report names the folder `final_folder` (where it will be once
// committed). Throws std::exception with the reason; `run` treats it as a failure to write
// results.
void write_run_report(const std::filesystem::path& folder,
                      const std::filesystem::path& final_folder);

}  // namespace bf::apps
