#pragma once
// The `ports` section of a scenario and its traffic table (docs/scenario-format.md, "ports").

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/port_spec.h"
#include "scenario/arrival_table.h"
#include "scenario/diagnostics.h"
#include "scenario/yaml_tree.h"

namespace bf::scenario {

inline constexpr std::string_view kTrafficTableHeader = "crossing,month,mode,units_per_day";

// Reads a file named by `node` (relative to the file that wrote it); returns its source
// index and contents, or nullopt after reporting why not. Supplied by the loader.
struct LoadedTable {
  int file = -1;
  std::string_view contents;
};
using TableLoader = std::function<std::optional<LoadedTable>(
    const YamlNode& node, const std::string& yaml_path, const char* what)>;

// Reads `ports` (null: no ports). Every problem goes to `sink`; `out` is filled with what
// is valid. `horizon` (if known) is used to check the traffic table covers the run.
void read_ports(const YamlNode* node, const std::optional<Horizon>& horizon,
                const TableLoader& load_table, DiagnosticSink& sink, model::PortsSpec& out);

// Parses a traffic table against the crossings already read (keys → index).
std::vector<model::TrafficLevel> read_traffic_table(std::string_view contents, int file,
                                                    const model::PortsSpec& ports,
                                                    const std::optional<Horizon>& horizon,
                                                    DiagnosticSink& sink);

}  // namespace bf::scenario
