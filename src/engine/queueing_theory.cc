#include "engine/queueing_theory.h"

#include <cassert>

namespace bf::engine {

double erlang_c(int servers, double offered_load) {
  assert(servers > 0 && offered_load < servers);
  double b = 1.0;
  for (int k = 1; k <= servers; ++k) b = offered_load * b / (k + offered_load * b);
  const double rho = offered_load / servers;
  return b / (1.0 - rho + rho * b);
}

double mmc_mean_wait(int servers, double arrival_rate, double service_mean) {
  const double a = arrival_rate * service_mean;
  const double mu = 1.0 / service_mean;
  return erlang_c(servers, a) / (servers * mu - arrival_rate);
}

}  // namespace bf::engine
