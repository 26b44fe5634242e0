#pragma once
// How many people a run would simulate, known before it starts: the bound that keeps an
// absurd but valid scenario (a million arrivals a day for years) from running out of memory.

#include <cstdint>

#include "model/model_spec.h"

namespace bf::scenario {

// Most people one run may expect. Each person is an agent; when arrivals outrun processing
// they all wait in custody at once, at about 70 bytes each (2 million took 139 MB), so this
// bounds memory near 1.5 GB. The December 2023 – March 2024 replay expects about 0.9 million.
inline constexpr double kMaxPeoplePerRun = 20e6;

// Expected encounters over the run: the arrival table's daily levels over the run's days,
// surges not already in the table, and the people presenting at ports (appointments and
// other inadmissible arrivals). Gotaways and repeat crossings are left out (they are a
// fraction of this).
double expected_people(const model::ModelSpec& spec);

}  // namespace bf::scenario
