#pragma once
// The bounds `borderflow serve` keeps whatever a client sends (docs/serve.md, "Safe by
// default"): a request is refused with a JSON error before anything runs when it is too big or
// asks too much, and one what-if run at a time uses the machine.

#include <cstddef>

namespace bf::serve {

struct ServeLimits {
  // Largest request body read, in bytes; a bigger one gets 413. Default 64 KiB: a request
  // with every lever set is under 2 KiB.
  std::size_t max_body_bytes = std::size_t{64} * 1024;
  // Values written over the scenario in one request. Default 64 (the page sets at most 20).
  std::size_t max_overrides = 64;
  // Longest parameter path and value, in bytes. Defaults 128 and 64.
  std::size_t max_path_bytes = 128;
  std::size_t max_value_bytes = 64;
  // Replications per scenario of one what-if run (baseline and changed run as many each).
  // Default 10: about 3 s for December 2023 – March 2024 on 2 cores.
  int max_replications = 10;
  // Replications when a request does not say. Default 3.
  int default_replications = 3;
  // Replications × simulated days of one side: bounds a run's time whatever the scenario.
  // Default 3,000: 10 replications of December 2023 – March 2024 (122 days), 4 of the
  // two-year FY2023–FY2024 replay (731 days).
  long long max_replication_days = 3000;
};

}  // namespace bf::serve
