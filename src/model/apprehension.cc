#include "model/apprehension.h"

#include "model/duration_draw.h"

namespace bf::model {

std::optional<engine::SimTime> minutes_to_encounter(const Unit& u, const ModelSpec& spec,
                                                    double apprehension_probability,
                                                    engine::RandomStream& surrender_stream,
                                                    engine::RandomStream& apprehension_stream,
                                                    engine::RandomStream& delay_stream) {
  if (surrender_stream.uniform() < spec.arrivals.surrender_probability[index_of(u.demographic)]) {
    return draw_duration(spec.apprehension.surrender_wait, delay_stream);
  }
  if (apprehension_stream.uniform() < apprehension_probability) {
    return draw_duration(spec.apprehension.delay, delay_stream);
  }
  return std::nullopt;
}

}  // namespace bf::model
