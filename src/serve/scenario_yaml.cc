#include "serve/scenario_yaml.h"

#include <memory>
#include <utility>
#include <vector>

#include "scenario/parameter_path.h"

namespace bf::serve {
namespace {

// A map of the YAML being written, keys in the order first written (the order --set would
// add them to the scenario's maps); a node is a value or a map, not both.
struct Node {
  std::string value;  // a leaf's value
  bool leaf = false;
  std::vector<std::pair<std::string, std::unique_ptr<Node>>> children;

  Node* child(const std::string& key) {
    for (auto& [k, node] : children) {
      if (k == key) return node.get();
    }
    children.emplace_back(key, std::make_unique<Node>());
    return children.back().second.get();
  }
};

void write(const Node& node, int indent, std::string& out) {
  for (const auto& [key, child] : node.children) {
    out.append(static_cast<std::size_t>(indent), ' ');
    out += key + ":";
    if (child->leaf) {
      out += " " + child->value + "\n";
    } else {
      out += "\n";
      write(*child, indent + 2, out);
    }
  }
}

}  // namespace

std::optional<std::string> what_if_yaml(const std::string& base_file_name,
                                        const scenario::Overrides& overrides) {
  Node root;
  for (const auto& [path, value] : overrides) {
    Node* node = &root;
    for (const std::string& key : scenario::split_path(path)) {
      if (node->leaf) return std::nullopt;
      node = node->child(key);
    }
    // A later value at the same path replaces the earlier one, as with --set.
    if (!node->children.empty()) return std::nullopt;
    node->leaf = true;
    node->value = value;
  }

  std::string out = "# A what-if made with `borderflow serve`: " + base_file_name +
                    " with the values below written\n"
                    "# over it. Save this file in the folder of " +
                    base_file_name +
                    " (scenarios/) and run it with\n"
                    "#   borderflow run scenarios/THIS-FILE.yaml\n"
                    "# It gives the same results as\n"
                    "#   borderflow run scenarios/" +
                    base_file_name;
  for (const auto& [path, value] : overrides) out += " \\\n#     --set " + path + "=" + value;
  out += "\nextends: " + base_file_name + "\n";
  write(root, 0, out);
  return out;
}

}  // namespace bf::serve
