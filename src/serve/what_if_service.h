#pragma once
// What `borderflow serve` answers, without the HTTP: the scenario list, a what-if run (the
// library's scenario as written against the same scenario with the request's values written
// over it, replication by replication with the same seed) and the YAML of the changed
// scenario. Each answer is a status and a body, so the HTTP layer (serve_app.h) only routes.
//
// Thread-safety: every method may be called from any thread. One what-if run at a time: a
// request arriving while one runs gets 503 at once instead of queueing, so a busy page cannot
// pile work onto the machine.

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "serve/scenario_library.h"
#include "serve/serve_limits.h"
#include "serve/what_if_request.h"
#include "serve/what_if_run.h"

namespace bf::serve {

struct Answer {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string download_name;  // set: the body is a file to save under this name
};

// {"error": message} with `status` (4xx or 5xx).
Answer error_answer(int status, std::string_view message);

class WhatIfService {
 public:
  // `threads`: replications run at once (>= 1). The library must outlive the service.
  WhatIfService(const ScenarioLibrary& library, ServeLimits limits, int threads);

  // GET /api/scenarios: {"scenarios": [{id, name, start, end, days, seed, file}], "default": id}.
  Answer scenarios() const;
  // POST /api/run with a WhatIfRequest body: see docs/serve.md for the answer's fields.
  Answer run(std::string_view body);
  // POST /api/scenario.yaml with a WhatIfRequest body: the changed scenario as YAML that
  // `borderflow run` reproduces (scenario_yaml.h), after checking that it loads.
  Answer yaml(std::string_view body) const;

  // Runs the baseline of library scenario `id` (default replications) into the cache, waiting
  // for the run lock, so the page's first answer is quick; requests meanwhile get 503 and
  // the page asks again. Does nothing for an id not in the library; a failure is left for the
  // page's own request to report.
  void warm_up(const std::string& id);

  // Called by run() once it holds the run lock, before it simulates: tests hold a run with it
  // to see the next request refused. Default: nothing. Set before serving.
  void set_run_started_hook(std::function<void()> hook) { run_started_hook_ = std::move(hook); }

  // The scenario the page opens with (default: the library's december-2023, else its first).
  void set_default_scenario(std::string id) { default_id_ = std::move(id); }
  const ServeLimits& limits() const { return limits_; }

 private:
  // A request with its scenario and the changed scenario loaded.
  struct Loaded {
    WhatIfRequest request;
    const LibraryScenario* base = nullptr;
    scenario::LoadedScenario changed;
  };
  // The request parsed and the changed scenario loaded, or the error answer (4xx).
  std::variant<Loaded, Answer> load(std::string_view body) const;
  // Replications 0 .. n − 1 of `spec`, the library scenario `id` with `overrides` written
  // over it: those in the cache are taken from it, the others simulated and added. Sets
  // `simulated` to how many were run. Precondition: run_mutex_ held.
  SideRuns replications_of(const std::string& id, const scenario::Overrides& overrides,
                           const model::ModelSpec& spec, int n, int& simulated);

  const ScenarioLibrary& library_;
  const ServeLimits limits_;
  const int threads_;
  std::string default_id_;
  std::function<void()> run_started_hook_;
  std::mutex run_mutex_;  // held for the whole of a run; try_lock or 503
  // Replications already run, by (scenario id, values written over it): a lever change runs
  // the changed side only (the baseline is the entry without values), a lever moved back
  // answers at once, and more replications run only the new ones. Guarded by run_mutex_.
  std::map<std::pair<std::string, scenario::Overrides>, SideRuns> runs_;
};

}  // namespace bf::serve
