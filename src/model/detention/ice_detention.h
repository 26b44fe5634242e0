#pragma once
// ICE detention for expedited removal: the bed pool with its waiting list, the weekly flight
// queues per destination and the day's flows (book-ins, releases, removals). The World moves
// units in and out; this component keeps the beds, the queues and the counts.

#include <cstdint>
#include <deque>
#include <vector>

#include "engine/sim_time.h"
#include "model/detention/bed_pool.h"
#include "model/population.h"
#include "model/unit.h"

namespace bf::model {

class IceDetention {
 public:
  struct Flows {
    std::int64_t book_ins = 0;                // people transferred in today
    std::int64_t releases = 0;                // released with a Notice to Appear today
    PerCitizenship<std::int64_t> removals{};  // people flown out today, by destination
  };
  // Someone leaving on a flight day: removed on a flight, or released after waiting too long.
  struct Departure {
    UnitHandle unit = 0;
    bool removed = false;
  };

  explicit IceDetention(std::int64_t beds) : beds_(beds) {}

  BedPool& beds() { return beds_; }
  const BedPool& beds() const { return beds_; }

  // People booked in (their bed was taken when they were admitted from the waiting list).
  void book_in(std::int64_t people) { today_.book_ins += people; }
  // People released after passing the fear screening: their beds are freed (admit next).
  void release(std::int64_t people) {
    beds_.vacate(people);
    today_.releases += people;
  }
  // How a decided case leaves (or does not yet leave) detention.
  enum class Decision : std::uint8_t {
    kReleased,        // passed the screening: released with a Notice to Appear
    kRemovedByLand,   // a Mexican ordered removed: returned across the border at once
    kAwaitingFlight,  // ordered removed: waits in its bed for a flight to its destination
  };
  // The case of unit `h` (of `people`) is decided at `now`. Released, or a Mexican ordered
  // removed: its beds are freed (admit next). Otherwise it waits for a flight to
  // `destination`. Mexicans go by land: ICE returns them through the ports every day, and
  // Mexico takes its nationals back (assumption: no daily limit; docs/model.md).
  Decision decide_case(UnitHandle h, std::int64_t people, Citizenship destination,
                       bool passed_screening, engine::SimTime now) {
    if (passed_screening) {
      release(people);
      return Decision::kReleased;
    }
    if (destination == Citizenship::kMexico) {
      beds_.vacate(people);
      today_.removals[static_cast<std::size_t>(index_of(destination))] += people;
      return Decision::kRemovedByLand;
    }
    queue_for_flight(h, people, destination, now);
    return Decision::kAwaitingFlight;
  }
  // A unit ordered removed waits for a seat on a flight to `destination` since `now`.
  void queue_for_flight(UnitHandle h, std::int64_t people, Citizenship destination,
                        engine::SimTime now) {
    flight_queues_[static_cast<std::size_t>(index_of(destination))].push_back({h, people, now});
  }
  // A flight day at `now`: per destination in citizenship order, units board in queue order
  // while they fit in `seats_per_flight`; then whoever has waited longer than
  // `max_wait_for_flight` (minutes) is released. Frees their beds (admit next afterwards) and
  // returns who left, in order.
  std::vector<Departure> flight_day(engine::SimTime now,
                                    const PerCitizenship<int>& seats_per_flight,
                                    engine::SimTime max_wait_for_flight);

  const Flows& today() const { return today_; }
  void end_day() { today_ = Flows{}; }

 private:
  struct Queued {
    UnitHandle unit;
    std::int64_t people;
    engine::SimTime since;  // minutes; when the removal order was made
  };
  BedPool beds_;
  PerCitizenship<std::deque<Queued>> flight_queues_;
  Flows today_;
};

}  // namespace bf::model
