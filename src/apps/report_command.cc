// `borderflow report`: read one or two result folders and write the HTML report (and, with
// --figures, every chart as an SVG file).

#include "apps/report_command.h"

#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdio>
#include <string>

#include "apps/exit_codes.h"
#include "report/chart_set.h"
#include "report/html_report.h"
#include "report/result_data.h"

namespace bf::apps {
namespace {

namespace fs = std::filesystem;

// The report's default file: report.html in the folder, or report-compare.html when it
// compares another folder (the folder's own report.html, written by `run`, is kept).
fs::path default_output(const ReportOptions& options) {
  return options.folder / (options.compare ? "report-compare.html" : "report.html");
}

bool ends_in_html(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".html" || ext == ".htm";
}

// What is wrong with the paths the report would write, found before anything is written
// (issue 19: `-o DIR/days.csv` replaced a result file with HTML, `-o /` said "cannot write /:
// Success", a bad --figures failed after the HTML was written). Empty if nothing.
std::string path_problem(const fs::path& output, const std::optional<fs::path>& figures) {
  std::error_code ec;
  if (!output.has_filename() || fs::is_directory(output, ec)) {
    return fmt::format("--output: '{}' is a folder; give the report's file name, e.g. '{}'",
                       output.string(), (output / "report.html").string());
  }
  if (!ends_in_html(output)) {
    return fmt::format(
        "--output: '{}' does not end in .html; the report is an HTML page (refusing to replace "
        "what may be a result file)",
        output.string());
  }
  const fs::path parent = output.parent_path().empty() ? fs::path(".") : output.parent_path();
  if (!fs::is_directory(parent, ec)) {
    return fmt::format("--output: folder '{}' does not exist", parent.string());
  }
  if (figures && fs::exists(*figures, ec) && !fs::is_directory(*figures, ec)) {
    return fmt::format("--figures: '{}' is a file, not a folder", figures->string());
  }
  if (figures && !fs::exists(*figures, ec)) {
    const fs::path above = figures->parent_path().empty() ? fs::path(".") : figures->parent_path();
    if (!fs::is_directory(above, ec)) {
      return fmt::format("--figures: folder '{}' does not exist", above.string());
    }
  }
  return {};
}

// Two runs are compared day by day: they must cover the same days, as `compare` requires.
std::string period_problem(const ReportOptions& options, const report::ResultData& a,
                           const report::ResultData& b) {
  const auto& da = a.days.dates();
  const auto& db = b.days.dates();
  if (da.size() == db.size() && (da.empty() || da.front() == db.front())) return {};
  return fmt::format(
      "{} and {} cover different periods ({} days from {} vs {} days from {}); the report "
      "compares the same days",
      options.folder.string(), options.compare->string(), da.size(), da.empty() ? "-" : da.front(),
      db.size(), db.empty() ? "-" : db.front());
}

}  // namespace

CLI::App* add_report_subcommand(CLI::App& app, ReportOptions& options) {
  CLI::App* cmd = app.add_subcommand("report", "Write the HTML report (charts) of a result folder");
  cmd->add_option("folder", options.folder, "Result folder written by borderflow run")->required();
  cmd->add_option("--output,-o", options.output,
                  "HTML file to write (default FOLDER/report.html, or FOLDER/report-compare.html "
                  "with --compare)");
  cmd->add_option("--compare", options.compare,
                  "A second result folder: compare it (run B) with FOLDER (run A)");
  cmd->add_option("--figures", options.figures, "Also write each chart as DIR/<chart>.svg");
  return cmd;
}

int report_command(const ReportOptions& options) {
  report::ResultData a;
  std::optional<report::ResultData> b;
  try {
    a = report::load_result_folder(options.folder);
    if (options.compare) b = report::load_result_folder(*options.compare);
  } catch (const report::ReportError& e) {
    print_error(fmt::format("{}; no report written", e.what()).c_str());
    return kExitBadInput;
  }
  const fs::path output = options.output ? *options.output : default_output(options);
  std::string problem = path_problem(output, options.figures);
  if (problem.empty() && b) problem = period_problem(options, a, *b);
  if (!problem.empty()) {
    print_error(fmt::format("{}; no report written", problem).c_str());
    return kExitBadInput;
  }
  try {
    report::write_report_file(a, b ? &*b : nullptr, output);
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(output, ec);
    std::printf("report written to %s (%.1f kB)\n", output.string().c_str(),
                ec ? 0.0 : static_cast<double>(bytes) / 1000.0);
    if (options.figures) {
      const auto files =
          report::write_figures(report::build_charts(a, b ? &*b : nullptr), *options.figures);
      std::printf("%zu figure%s written to %s/\n", files.size(), files.size() == 1 ? "" : "s",
                  options.figures->string().c_str());
    }
  } catch (const std::exception& e) {
    print_error(e.what());
    return kExitRunFailed;
  }
  return kExitOk;
}

void write_run_report(const std::filesystem::path& folder,
                      const std::filesystem::path& final_folder) {
  report::ResultData data = report::load_result_folder(folder);
  data.folder = final_folder;
  report::write_report_file(data, nullptr, folder / "report.html");
}

}  // namespace bf::apps
