// `borderflow report`: read one or two result folders and write the HTML report (and, with
// --figures, every chart as an SVG file).

#include "apps/report_command.h"

#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "apps/exit_codes.h"
#include "report/chart_set.h"
#include "report/html_report.h"
#include "report/result_data.h"

namespace bf::apps {

CLI::App* add_report_subcommand(CLI::App& app, ReportOptions& options) {
  CLI::App* cmd = app.add_subcommand("report", "Write the HTML report (charts) of a result folder");
  cmd->add_option("folder", options.folder, "Result folder written by borderflow run")->required();
  cmd->add_option("--output,-o", options.output, "HTML file to write (default FOLDER/report.html)");
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
  const std::filesystem::path output =
      options.output ? *options.output : options.folder / "report.html";
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
