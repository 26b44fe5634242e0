#include "model/returns/return_channels.h"

namespace bf::model {

std::vector<ReturnChannels::NonMexican> ReturnChannels::cut_non_mexican(std::int64_t per_day) {
  std::vector<NonMexican> cut;
  while (non_mexican_people_ > per_day) {
    cut.push_back(non_mexican_.back());
    non_mexican_.pop_back();
    non_mexican_people_ -= cut.back().people;
  }
  return cut;
}

void ReturnChannels::start_day() {
  for (std::int64_t& e : enrolled_today_) e = 0;
}

bool ReturnChannels::enroll_remain_in_mexico(UnitHandle h, std::int64_t people, int policy,
                                             std::int64_t acceptance_per_day) {
  std::int64_t& enrolled = enrolled_today_[static_cast<std::size_t>(policy)];
  if (enrolled + people > acceptance_per_day) return false;
  enrolled += people;
  remain_in_mexico_.push_back(h);
  return true;
}

std::vector<UnitHandle> ReturnChannels::batch(int batch, int batches, std::int64_t mexican_per_day,
                                              std::int64_t non_mexican_per_day) {
  std::vector<UnitHandle> out;
  std::int64_t capacity = batch_share(mexican_per_day, batch, batches);
  while (!mexican_.empty() && mexican_.front().people <= capacity) {
    capacity -= mexican_.front().people;
    out.push_back(mexican_.front().unit);
    mexican_.pop_front();
  }
  capacity = batch_share(non_mexican_per_day, batch, batches);
  while (!non_mexican_.empty() && non_mexican_.front().people <= capacity) {
    capacity -= non_mexican_.front().people;
    non_mexican_people_ -= non_mexican_.front().people;
    out.push_back(non_mexican_.front().unit);
    non_mexican_.pop_front();
  }
  // Remain in Mexico: Mexico's daily acceptance already limited who was enrolled.
  out.insert(out.end(), remain_in_mexico_.begin(), remain_in_mexico_.end());
  remain_in_mexico_.clear();
  return out;
}

}  // namespace bf::model
