#pragma once
// Closed-form results of queueing theory used to check the simulation (and useful to
// analysts): the Erlang C formula for the M/M/c queue.

namespace bf::engine {

// Probability that an arrival must wait in an M/M/c queue with offered load a = λ/μ
// (Erlangs) and c servers. Requires a < c. Computed with the numerically stable
// Erlang B recursion B(k) = a·B(k-1) / (k + a·B(k-1)).
double erlang_c(int servers, double offered_load);

// Mean waiting time in queue (before service) of an M/M/c queue, in the time unit of
// service_mean: W_q = C(c, a) / (c·μ − λ).
double mmc_mean_wait(int servers, double arrival_rate, double service_mean);

}  // namespace bf::engine
