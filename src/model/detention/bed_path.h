#pragma once
// The path of a unit in Border Patrol custody to a bed: ICE detention (expedited removal, or
// held for lack of release) and ORR shelters (unaccompanied children) share it. The unit
// waits in custody for a bed (CustodyStep kAwaitingBed or kAwaitingOrrBed), is admitted when
// all its members fit (kTransferring: the beds are taken), is transferred after the
// facility's transfer delay (leaves custody, enters the facility's state) and stays for the
// facility's length of stay. Holds both facilities.
//
// Knows no events: `wait` and `admit` hand back the units admitted, and the World schedules
// their transfer (drawn here from the stream it passes) and, after the transfer, the end of
// their stay.

#include <cstdint>
#include <vector>

#include "engine/random_stream.h"
#include "engine/sim_time.h"
#include "model/day_report.h"
#include "model/detention/ice_detention.h"
#include "model/detention/orr_shelters.h"
#include "model/model_spec.h"
#include "model/random_purpose.h"
#include "model/unit.h"

namespace bf::model {

enum class Facility : std::uint8_t {
  kIceDetention,  // ends with the case decided (credible fear screening, then flights)
  kOrrShelter,    // ends with the child released to a sponsor
};

class BedPath {
 public:
  // Beds, transfer delays and lengths of stay from `spec`, which must outlive the path.
  explicit BedPath(const ModelSpec& spec);

  IceDetention& detention() { return detention_; }
  const IceDetention& detention() const { return detention_; }
  OrrShelters& orr() { return orr_; }
  const OrrShelters& orr() const { return orr_; }

  // The custody step of a unit waiting for a bed in `f`.
  static CustodyStep awaiting(Facility f);
  // The state of a unit transferred into `f`.
  static UnitState held_in(Facility f);
  // Today's flow, at the station left, of the people transferred into `f`.
  static std::int64_t SectorDay::*transferred(Facility f);
  // The random purpose of the length of stay in `f`.
  static Purpose stay_purpose(Facility f);

  // A unit of `people` already in `f` on the first morning (the initial state): takes its
  // beds without the waiting list.
  void occupy(Facility f, std::int64_t people) { beds(f).occupy(people); }

  // Unit `h` (in custody) starts waiting for a bed in `f` at `now`, at the end of the
  // waiting list; returns the units admitted now, in order (see admit).
  std::vector<UnitHandle> wait(Facility f, UnitStore& units, UnitHandle h, engine::SimTime now);
  // Admits the units waiting for `f`, in order, while the first one still waiting fits: they
  // take their beds and start transferring (step kTransferring). Entries that stopped waiting
  // are dropped. Returns the admitted units in order.
  std::vector<UnitHandle> admit(Facility f, UnitStore& units);
  // Takes beds in `f` for `people` at once, bypassing the waiting list, if they fit; false
  // (nothing taken) if not.
  bool take_now(Facility f, std::int64_t people);
  // Whether `h` still waits for a bed in `f`: live, in custody, at awaiting(f).
  static bool waiting(Facility f, const UnitStore& units, UnitHandle h);

  // Minutes from admission to the transfer, drawn from the unit attempt's
  // Purpose::kDispositionDelay stream.
  engine::SimTime draw_transfer_delay(Facility f, engine::RandomStream& delay_stream) const;
  // A unit of `people` arrives in `f` (its beds were taken at admission): counted as booked in
  // to ICE detention. Minutes it stays, drawn from its stay_purpose(f) stream.
  engine::SimTime transfer_in(Facility f, std::int64_t people, engine::RandomStream& stay_stream);

  // Clears today's flows of both facilities.
  void end_day() {
    detention_.end_day();
    orr_.end_day();
  }

 private:
  BedPool& beds(Facility f) {
    return f == Facility::kIceDetention ? detention_.beds() : orr_.beds();
  }

  const ModelSpec& spec_;
  IceDetention detention_;
  OrrShelters orr_;
};

}  // namespace bf::model
