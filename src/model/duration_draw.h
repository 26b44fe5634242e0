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

}  // namespace bf::model
