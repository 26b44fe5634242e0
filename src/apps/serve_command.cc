#include "apps/serve_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <thread>

#include "apps/exit_codes.h"
#include "apps/number_options.h"
#include "serve/scenario_library.h"
#include "serve/serve_app.h"
#include "serve/what_if_service.h"

namespace bf::apps {

CLI::App* add_serve_subcommand(CLI::App& app, ServeOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the what-if page: move a lever, see baseline and changed side by side");
  cmd->add_option("scenario", o.scenario,
                  "Scenario the page opens with; every *.yaml of its folder is offered")
      ->capture_default_str();
  cmd->add_option("--port,-p", o.port, "TCP port (0: any free port)")
      ->check(digits_only())
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--host", o.host,
                  "Address to listen on; anything but 127.0.0.1, localhost or ::1 lets other "
                  "machines run simulations here")
      ->capture_default_str();
  cmd->add_option("--threads,-j", o.threads, "Replications run at once (default: every core)")
      ->check(digits_only())
      ->check(CLI::Range(1, 1024));
  return cmd;
}

int serve_command(const ServeOptions& options) {
  const int threads =
      options.threads.value_or(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  const std::filesystem::path folder = options.scenario.has_parent_path()
                                           ? options.scenario.parent_path()
                                           : std::filesystem::path(".");
  const serve::ScenarioLibrary library(folder, threads);
  for (const std::string& skipped : library.skipped()) std::fputs(skipped.c_str(), stderr);
  const std::string id = options.scenario.stem().string();
  if (library.find(id) == nullptr) {
    print_error(
        fmt::format("{}: not a scenario that loads; nothing to serve", options.scenario.string())
            .c_str());
    return kExitBadInput;
  }

  serve::WhatIfService service(library, serve::ServeLimits{}, threads);
  service.set_default_scenario(id);
  serve::ServeApp app(service);
  const std::optional<int> port = app.bind(options.host, options.port);
  if (!port) {
    print_error(fmt::format("cannot listen on {}:{} (in use, or not an address of this "
                            "machine); try --port 0 for any free port",
                            options.host, options.port)
                    .c_str());
    return kExitBadInput;
  }
  if (options.host != "127.0.0.1" && options.host != "localhost" && options.host != "::1") {
    std::cerr << "borderflow: warning: listening on " << options.host
              << ": anyone who can reach it can run simulations on this machine\n";
  }
  const std::string shown_host =
      options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::cout << "borderflow serve: " << library.scenarios().size() << " scenarios from "
            << folder.string() << "; open http://" << shown_host << ":" << *port
            << "/ (Ctrl-C stops)" << std::endl;
  // The opening scenario's baseline runs while the user opens the page.
  std::jthread warm_up([&service, &id] { service.warm_up(id); });
  return app.listen() ? kExitOk : kExitRunFailed;
}

}  // namespace bf::apps
