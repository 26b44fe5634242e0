#include "apps/set_option.h"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace bf::apps {

CLI::Option* add_set_option(CLI::App& command, scenario::Overrides& out) {
  const CLI::Validator path_equals_value(
      [](std::string& text) -> std::string {
        return scenario::parse_override(text)
                   ? ""
                   : "'" + text + "' is not PATH=VALUE (e.g. detention.beds=32000)";
      },
      "PATH=VALUE");
  return command
      .add_option_function<std::vector<std::string>>(
          "--set",
          [&out](const std::vector<std::string>& texts) {
            for (const std::string& t : texts) out.push_back(*scenario::parse_override(t));
          },
          "Write VALUE over the scenario at PATH before reading it, as if written in the file "
          "(repeatable; e.g. --set detention.beds=32000)")
      ->type_name("PATH=VALUE")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check(path_equals_value);
}

}  // namespace bf::apps
