#pragma once
// Drawing a DurationSpec: lognormal with the spec's mean and coefficient of variation,
// rounded to whole minutes (the model's own distribution, engine/distributions.h).

#include <cmath>

#include "engine/distributions.h"
#include "engine/random_stream.h"
#include "model/model_spec.h"

namespace bf::model {

inline engine::SimTime draw_duration(const DurationSpec& d, engine::RandomStream& rs) {
  const double minutes = engine::lognormal_mean_cv(rs, static_cast<double>(d.mean), d.cv);
  return static_cast<engine::SimTime>(std::llround(minutes));
}

// The time left of a duration met at a random moment of it: a uniform share of a draw (an
// approximation of the length-biased residual; docs/model.md, "Initial state"). Two draws.
inline engine::SimTime draw_residual_duration(const DurationSpec& d, engine::RandomStream& rs) {
  const double share = rs.uniform();
  return static_cast<engine::SimTime>(share * static_cast<double>(draw_duration(d, rs)));
}

}  // namespace bf::model
