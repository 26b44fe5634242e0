#include "apps/cli_suggestion.h"

#include <CLI/CLI.hpp>
#include <string_view>

#include "scenario/suggest.h"

namespace bf::apps {

std::string command_line_suggestion(CLI::App& app, const std::vector<std::string>& args) {
  if (args.empty() || args[0].empty() || args[0][0] == '-') return {};
  const std::vector<CLI::App*> subcommands = app.get_subcommands([](CLI::App*) { return true; });
  std::vector<std::string_view> names;
  CLI::App* command = nullptr;
  for (CLI::App* sub : subcommands) {
    names.push_back(sub->get_name());
    if (sub->get_name() == args[0]) command = sub;
  }
  if (command == nullptr) {
    return "unknown command '" + args[0] + "' (" + scenario::did_you_mean_or_list(args[0], names) +
           ")";
  }
  std::vector<std::string> flags;
  for (const CLI::Option* option : command->get_options()) {
    for (const std::string& name : option->get_lnames()) flags.push_back("--" + name);
  }
  const std::vector<std::string_view> flag_views(flags.begin(), flags.end());
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string word = args[i].substr(0, args[i].find('='));
    if (word.size() < 3 || word.compare(0, 2, "--") != 0) continue;
    bool known = false;
    for (std::string_view f : flag_views) known = known || f == word;
    if (known) continue;
    const std::string hint = scenario::did_you_mean(word, flag_views);
    return "unknown option '" + word + "' for '" + args[0] + "'" +
           (hint.empty() ? "; see borderflow " + args[0] + " --help" : " (" + hint + ")");
  }
  return {};
}

}  // namespace bf::apps
