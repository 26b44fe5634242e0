#pragma once
// ORR shelters for unaccompanied children: the bed pool with its waiting list and the day's
// releases to sponsors. The World moves children in and out; this component keeps the beds
// and the count.

#include <cstdint>

#include "model/detention/bed_pool.h"

namespace bf::model {

class OrrShelters {
 public:
  explicit OrrShelters(std::int64_t beds) : beds_(beds) {}

  BedPool& beds() { return beds_; }
  const BedPool& beds() const { return beds_; }

  // Children released to a sponsor: their beds are freed (admit next) and counted today.
  void release(std::int64_t people) {
    beds_.vacate(people);
    releases_today_ += people;
  }
  std::int64_t releases_today() const { return releases_today_; }  // people
  void end_day() { releases_today_ = 0; }

 private:
  BedPool beds_;
  std::int64_t releases_today_ = 0;
};

}  // namespace bf::model
