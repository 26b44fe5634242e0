#include "scenario/overrides.h"

#include "scenario/parameter_path.h"
#include "scenario/sweep.h"

namespace bf::scenario {
namespace {

constexpr PathUse kOverrideUse{"set", "an override path"};

}  // namespace

std::string overrides_source_text(const Overrides& overrides) {
  std::string text;
  for (const auto& [path, value] : overrides) text += path + "=" + value + "\n";
  return text;
}

void apply_overrides(const Overrides& overrides, int file, YamlNode& root, DiagnosticSink& sink) {
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    const auto& [path, value] = overrides[i];
    const int line = static_cast<int>(i) + 1;
    const Location key_location{file, line, 1};
    const Location value_location{file, line, static_cast<int>(path.size()) + 2};
    if (path.find_first_of("\r\n=") != std::string::npos ||
        value.find_first_of("\r\n") != std::string::npos) {
      sink.error(key_location, path,
                 "--set: a path or value may not hold a line break (and a path no '=')");
      continue;
    }
    if (!check_parameter_path(path, root, kNotSweepable, kOverrideUse, key_location, path, sink)) {
      continue;
    }
    YamlNode node;
    node.kind = YamlNode::Kind::kScalar;
    node.location = value_location;
    node.scalar = value;
    write_at_path(root, split_path(path), node, key_location);
  }
}

std::optional<std::pair<std::string, std::string>> parse_override(const std::string& text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) return std::nullopt;
  return std::pair{text.substr(0, eq), text.substr(eq + 1)};
}

}  // namespace bf::scenario
