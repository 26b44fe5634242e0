#pragma once
// `borderflow serve [SCENARIO] [--port N] [--host ADDRESS]`: the what-if page on a local web
// server (docs/serve.md). SCENARIO is the one the page opens with; every *.yaml of its folder
// is offered (default scenarios/december-2023.yaml, so the library scenarios/).

#include <filesystem>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace bf::apps {

struct ServeOptions {
  std::filesystem::path scenario = "scenarios/december-2023.yaml";
  int port = 8080;                 // 0: any free port (printed)
  std::string host = "127.0.0.1";  // loopback only unless told otherwise
  std::optional<int> threads;      // replications at once; default: every core
};

CLI::App* add_serve_subcommand(CLI::App& app, ServeOptions& options);

// Serves until killed. Exit codes: 2 the scenario does not load or the address cannot be
// bound; 3 the server stopped on an error.
int serve_command(const ServeOptions& options);

}  // namespace bf::apps
