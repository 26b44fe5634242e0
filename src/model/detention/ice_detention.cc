#include "model/detention/ice_detention.h"

namespace bf::model {

std::vector<IceDetention::Departure> IceDetention::flight_day(
    engine::SimTime now, const PerCitizenship<int>& seats_per_flight,
    engine::SimTime max_wait_for_flight) {
  std::vector<Departure> left;
  for (std::size_t c = 0; c < flight_queues_.size(); ++c) {
    auto& queue = flight_queues_[c];
    std::int64_t seats = seats_per_flight[c];
    while (!queue.empty() && queue.front().people <= seats) {
      const Queued q = queue.front();
      queue.pop_front();
      seats -= q.people;
      beds_.vacate(q.people);
      today_.removals[c] += q.people;
      left.push_back({q.unit, true});
    }
    // Those who have waited too long for a seat are released with a Notice to Appear.
    while (!queue.empty() && now - queue.front().since > max_wait_for_flight) {
      const Queued q = queue.front();
      queue.pop_front();
      beds_.vacate(q.people);
      today_.releases += q.people;
      left.push_back({q.unit, false});
    }
  }
  return left;
}

}  // namespace bf::model
