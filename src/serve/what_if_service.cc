#include "serve/what_if_service.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "scenario/load_errors_text.h"
#include "serve/scenario_yaml.h"
#include "serve/what_if_json.h"

namespace bf::serve {
namespace {

using nlohmann::json;

Answer json_answer(const json& body) {
  // Replacing invalid UTF-8 (a scenario's name is checked UTF-8, but be sure) rather than
  // throwing keeps every answer well-formed.
  return Answer{200, "application/json", body.dump(-1, ' ', false, json::error_handler_t::replace),
                ""};
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Answer error_answer(int status, std::string_view message) {
  Answer answer;
  answer.status = status;
  answer.body =
      json{{"error", std::string(message)}}.dump(-1, ' ', false, json::error_handler_t::replace);
  return answer;
}

WhatIfService::WhatIfService(const ScenarioLibrary& library, ServeLimits limits, int threads)
    : library_(library), limits_(limits), threads_(std::max(1, threads)) {
  default_id_ = library_.find("december-2023") != nullptr ? "december-2023"
                : library_.scenarios().empty()            ? ""
                                                          : library_.scenarios().front().id;
}

Answer WhatIfService::scenarios() const {
  json list = json::array();
  for (const LibraryScenario& s : library_.scenarios()) {
    list.push_back(scenario_json(s.id, s.loaded.spec));
  }
  return json_answer(json{{"scenarios", std::move(list)},
                          {"default", default_id_},
                          {"max_replications", limits_.max_replications},
                          {"default_replications", limits_.default_replications}});
}

std::variant<WhatIfService::Loaded, Answer> WhatIfService::load(std::string_view body) const {
  auto parsed = parse_what_if_request(body, limits_);
  if (const auto* error = std::get_if<RequestError>(&parsed)) {
    return error_answer(400, error->message);
  }
  Loaded loaded;
  loaded.request = std::move(std::get<WhatIfRequest>(parsed));
  loaded.base = library_.find(loaded.request.scenario);
  if (loaded.base == nullptr) {
    return error_answer(404, "no scenario '" + loaded.request.scenario +
                                 "' in the library (GET /api/scenarios lists them)");
  }
  const model::ModelSpec& base = loaded.base->loaded.spec;
  if (static_cast<long long>(loaded.request.replications) * base.days >
      limits_.max_replication_days) {
    return error_answer(400, "'replications': " + std::to_string(loaded.request.replications) +
                                 " replications of " + std::to_string(base.days) +
                                 " days is more than this server runs (" +
                                 std::to_string(limits_.max_replication_days) +
                                 " replication-days); ask for fewer");
  }
  scenario::LoadOptions options;
  options.overrides = loaded.request.overrides;
  scenario::LoadResult changed = scenario::load_scenario(loaded.base->file, options);
  if (!changed.ok()) {
    Answer answer = error_answer(422, "the changed scenario does not load; nothing was run");
    json details = json::parse(answer.body);
    details["diagnostics"] = scenario::load_errors_text(changed.diagnostics, loaded.base->file, "");
    answer.body = details.dump(-1, ' ', false, json::error_handler_t::replace);
    return answer;
  }
  loaded.changed = std::move(*changed.scenario);
  return loaded;
}

SideRuns WhatIfService::replications_of(const std::string& id, const scenario::Overrides& overrides,
                                        const model::ModelSpec& spec, int n, int& simulated) {
  // A session visits a few dozen settings; past that, start afresh rather than grow (32 of
  // 10 replications of the four-month replay keep about 16 MB).
  constexpr std::size_t kMaxCachedSettings = 32;
  auto key = std::make_pair(id, overrides);
  auto it = runs_.find(key);
  if (it == runs_.end()) {
    if (runs_.size() >= kMaxCachedSettings) runs_.clear();
    it = runs_.emplace(std::move(key), SideRuns{}).first;
  }
  SideRuns& cached = it->second;
  const int have = static_cast<int>(cached.metrics.size());
  simulated = std::max(0, n - have);
  if (simulated > 0) simulate_side(spec, have, simulated, threads_, cached);
  SideRuns first;
  first.metrics.assign(cached.metrics.begin(), cached.metrics.begin() + n);
  first.series.assign(cached.series.begin(), cached.series.begin() + n);
  return first;
}

void WhatIfService::warm_up(const std::string& id) {
  const LibraryScenario* scenario = library_.find(id);
  if (scenario == nullptr) return;
  const std::lock_guard<std::mutex> lock(run_mutex_);
  int simulated = 0;
  try {
    replications_of(id, {}, scenario->loaded.spec, limits_.default_replications, simulated);
  } catch (const std::exception&) {
    // The page's request runs it again and reports the error.
  }
}

Answer WhatIfService::run(std::string_view body) {
  std::unique_lock<std::mutex> lock(run_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) {
    return error_answer(503, "another what-if is running; try again when it has finished");
  }
  if (run_started_hook_) run_started_hook_();
  const auto start = std::chrono::steady_clock::now();
  auto loaded = load(body);
  if (auto* error = std::get_if<Answer>(&loaded)) return std::move(*error);
  const Loaded& what_if = std::get<Loaded>(loaded);
  const double load_seconds = seconds_since(start);
  try {
    const int n = what_if.request.replications;
    int baseline_simulated = 0, changed_simulated = 0;
    const auto baseline_start = std::chrono::steady_clock::now();
    const SideRuns base =
        replications_of(what_if.base->id, {}, what_if.base->loaded.spec, n, baseline_simulated);
    const double baseline_seconds = seconds_since(baseline_start);
    const auto changed_start = std::chrono::steady_clock::now();
    const SideRuns changed = replications_of(what_if.base->id, what_if.request.overrides,
                                             what_if.changed.spec, n, changed_simulated);
    const double changed_seconds = seconds_since(changed_start);

    const model::ModelSpec& spec = what_if.base->loaded.spec;
    const bool ports =
        !spec.ports.crossings.empty() || !what_if.changed.spec.ports.crossings.empty();
    json answer = what_if_json(base, changed, ports);
    answer["scenario"] = scenario_json(what_if.base->id, spec);
    json set = json::array();
    for (const auto& [path, value] : what_if.request.overrides) set.push_back({path, value});
    answer["set"] = std::move(set);
    answer["command"] = reproduce_command(what_if.base->id, what_if.request.overrides);
    answer["timing"] = json{{"load_seconds", load_seconds},
                            {"baseline_seconds", baseline_seconds},
                            {"baseline_replications_run", baseline_simulated},
                            {"changed_seconds", changed_seconds},
                            {"changed_replications_run", changed_simulated},
                            {"total_seconds", seconds_since(start)},
                            {"threads", threads_}};
    return json_answer(answer);
  } catch (const std::exception& e) {
    return error_answer(500, std::string("the simulation failed: ") + e.what());
  }
}

Answer WhatIfService::yaml(std::string_view body) const {
  auto loaded = load(body);
  if (auto* error = std::get_if<Answer>(&loaded)) return std::move(*error);
  const Loaded& what_if = std::get<Loaded>(loaded);
  const std::optional<std::string> text =
      what_if_yaml(what_if.base->file.filename().string(), what_if.request.overrides);
  if (!text) return error_answer(400, "'set': one path lies inside another's value");
  return Answer{200, "application/yaml; charset=utf-8", *text, what_if.base->id + "-what-if.yaml"};
}

}  // namespace bf::serve
