#include "model/detention/bed_path.h"

#include "model/duration_draw.h"

namespace bf::model {

BedPath::BedPath(const ModelSpec& spec)
    : spec_(spec), detention_(spec.detention.beds), orr_(spec.orr.beds) {}

CustodyStep BedPath::awaiting(Facility f) {
  return f == Facility::kIceDetention ? CustodyStep::kAwaitingBed : CustodyStep::kAwaitingOrrBed;
}

UnitState BedPath::held_in(Facility f) {
  return f == Facility::kIceDetention ? UnitState::kInDetention : UnitState::kInOrr;
}

std::int64_t SectorDay::*BedPath::transferred(Facility f) {
  return f == Facility::kIceDetention ? &SectorDay::transferred_to_ice
                                      : &SectorDay::transferred_to_orr;
}

Purpose BedPath::stay_purpose(Facility f) {
  return f == Facility::kIceDetention ? Purpose::kDetention : Purpose::kOrrStay;
}

std::vector<UnitHandle> BedPath::wait(Facility f, UnitStore& units, UnitHandle h,
                                      engine::SimTime now) {
  Unit& u = units[h];
  u.step = awaiting(f);
  u.step_start = now;
  beds(f).wait(h);
  return admit(f, units);
}

std::vector<UnitHandle> BedPath::admit(Facility f, UnitStore& units) {
  // An entry is stale when its unit stopped waiting (released when the wait ran out).
  const auto people_if_waiting = [&](UnitHandle w) -> std::int64_t {
    return waiting(f, units, w) ? units[w].size : 0;
  };
  std::vector<UnitHandle> admitted = beds(f).admit(people_if_waiting);
  for (UnitHandle h : admitted) units[h].step = CustodyStep::kTransferring;
  return admitted;
}

bool BedPath::take_now(Facility f, std::int64_t people) {
  BedPool& pool = beds(f);
  if (!pool.fits(people)) return false;
  pool.occupy(people);
  return true;
}

bool BedPath::waiting(Facility f, const UnitStore& units, UnitHandle h) {
  if (!units.is_live(h)) return false;
  const Unit& u = units[h];
  return u.state == UnitState::kInCustody && u.step == awaiting(f);
}

engine::SimTime BedPath::draw_transfer_delay(Facility f, engine::RandomStream& delay_stream) const {
  return draw_duration(f == Facility::kIceDetention ? spec_.dispositions.ice_transfer_delay
                                                    : spec_.orr.transfer_delay,
                       delay_stream);
}

engine::SimTime BedPath::transfer_in(Facility f, std::int64_t people,
                                     engine::RandomStream& stay_stream) {
  if (f == Facility::kIceDetention) detention_.book_in(people);
  return draw_duration(
      f == Facility::kIceDetention ? spec_.detention.length_of_stay : spec_.orr.length_of_stay,
      stay_stream);
}

}  // namespace bf::model
