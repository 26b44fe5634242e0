#include "model/custody/processing_time.h"

#include <algorithm>

#include "model/duration_draw.h"

namespace bf::model {

engine::SimTime draw_processing_time(const Unit& u, const ProcessingSpec& processing,
                                     engine::RandomStream& service_stream) {
  const DurationSpec& per_person = u.title42 ? processing.title42_service_time
                                             : processing.service_time[index_of(u.demographic)];
  const DurationSpec unit_time{per_person.mean * u.size, per_person.cv};
  return std::max<engine::SimTime>(1, draw_duration(unit_time, service_stream));
}

}  // namespace bf::model
