#pragma once
// The channels that take people back to Mexico in batches during the day
// (docs/model.md, "Dispositions"):
// - Mexican returns: Mexicans, Title 42 expulsions and repatriated Mexican children, up to
//   the daily capacity of Mexican returns;
// - non-Mexican returns: people of the nationalities Mexico agreed to take, up to Mexico's
//   daily intake; the queue holds at most one day's intake;
// - Remain in Mexico: enrollees returned to await their hearing, enrolled up to each
//   policy's daily acceptance (the limit applies at enrollment, not at the batch).
// Each day's capacity is split over the batches in whole people that add up exactly.

#include <cstdint>
#include <deque>
#include <vector>

#include "model/unit.h"

namespace bf::model {

class ReturnChannels {
 public:
  // Someone Mexico took back from the non-Mexican channel, with the draw that decides their
  // path should Mexico's intake fall before their batch (disposition/disposition.h).
  struct NonMexican {
    UnitHandle unit = 0;
    std::int64_t people = 0;
    double expedited_draw = 0.0;
  };

  // People of a per-day capacity that batch `batch` of `batches` may take.
  static std::int64_t batch_share(std::int64_t per_day, int batch, int batches) {
    return per_day * (batch + 1) / batches - per_day * batch / batches;
  }

  explicit ReturnChannels(std::size_t policies) : enrolled_today_(policies, 0) {}

  void queue_mexican(UnitHandle h, std::int64_t people) { mexican_.push_back({h, people}); }

  std::int64_t non_mexican_queued_people() const { return non_mexican_people_; }
  void queue_non_mexican(const NonMexican& n) {
    non_mexican_.push_back(n);
    non_mexican_people_ += n.people;
  }
  // Mexico's intake fell to `per_day`: the latest queued leave until the queue holds at most
  // one day's intake. Returns them in the order they left (latest first).
  std::vector<NonMexican> cut_non_mexican(std::int64_t per_day);

  // A new day: no Remain in Mexico enrollees yet.
  void start_day();
  // Enrolls a unit of `people` under Remain in Mexico policy `policy` if the policy's
  // `acceptance_per_day` (people) is not used up today. True: enrolled and queued.
  bool enroll_remain_in_mexico(UnitHandle h, std::int64_t people, int policy,
                               std::int64_t acceptance_per_day);

  // Return batch `batch` of `batches`: the units to return to Mexico now, in order — Mexican
  // returns within their share of `mexican_per_day`, non-Mexicans within theirs of
  // `non_mexican_per_day` (each channel stops at the first unit that does not fit), then
  // every Remain in Mexico enrollee.
  std::vector<UnitHandle> batch(int batch, int batches, std::int64_t mexican_per_day,
                                std::int64_t non_mexican_per_day);

 private:
  struct Queued {
    UnitHandle unit;
    std::int64_t people;
  };
  std::deque<Queued> mexican_;          // processed Mexicans (and Title 42) awaiting a batch
  std::deque<NonMexican> non_mexican_;  // non-Mexicans Mexico agreed to take
  std::int64_t non_mexican_people_ = 0;
  std::deque<UnitHandle> remain_in_mexico_;   // enrollees awaiting a batch
  std::vector<std::int64_t> enrolled_today_;  // per policy: people enrolled today
};

}  // namespace bf::model
