#pragma once
// How many people a run would simulate, known before it starts: the bound that keeps an
// absurd but valid scenario (a million arrivals a day for years) from running out of memory.

#include <cstddef>
#include <string>
#include <vector>

#include "model/model_spec.h"

namespace bf::scenario {

// Most people one run may expect, unless the command line allows more (--allow-large). Each
// person is an agent; when arrivals outrun processing they all wait in custody at once, at
// about 70 bytes each (2 million took 139 MB), so this bounds memory near 1.5 GB. The
// December 2023 – March 2024 replay expects about 0.9 million.
inline constexpr double kMaxPeoplePerRun = 20e6;

// What adds people to a run.
enum class VolumeCause {
  kTable,     // the arrival table's encounters over the run's days
  kPolicies,  // policies multiplying the people reaching the border (above the table's)
  kSurges,    // surges beyond what the table already counts
  kPorts,     // people presenting at ports: appointments and other inadmissibles
  kInitial,   // people in custody, in beds or waiting in Mexico on the first day
};

struct RunVolume {
  // People expected by the end of each day of the run, the initial ones included.
  std::vector<double> cumulative;
  double by_cause[5] = {};  // indexed by VolumeCause
  // Within the largest causes: the policy with the largest rise, the largest surge, the
  // appointment_quota policy with the largest quota (spec.policies.size() if ports'
  // appointments themselves are larger), the largest initial population's scenario path.
  std::size_t policy = 0;
  std::size_t surge = 0;
  std::size_t quota_policy = 0;
  std::string initial_path;

  double total() const { return cumulative.empty() ? 0.0 : cumulative.back(); }
  VolumeCause largest() const;
  // The most days from the start whose people stay within `limit` (0 if not even the first).
  int days_within(double limit) const;
};

// Expected encounters over the run, by cause: the arrival table's daily levels (times the
// rises of the policies in force, combined_levers.h), surges beyond the table's level, the
// people presenting at ports (ports' appointments or an appointment_quota policy, whichever is
// larger, and other inadmissibles) and the initial populations. Gotaways and repeat crossings
// are left out (they are a fraction of this). Errs high where the run is uncertain (a
// triggered policy may be off): it is a bound, not a forecast.
RunVolume expected_volume(const model::ModelSpec& spec);

}  // namespace bf::scenario
