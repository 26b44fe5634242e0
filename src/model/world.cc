#include "model/world.h"

#include <cassert>
#include <variant>

#include "model/apprehension.h"
#include "model/custody/processing_time.h"
#include "model/day_report_builder.h"
#include "model/disposition/release_delay.h"
#include "model/disposition/title42.h"
#include "model/duration_draw.h"
#include "model/initial_state.h"
#include "model/random_purpose.h"
#include "model/stream_identity.h"

namespace bf::model {

using engine::kMinutesPerDay;
using engine::RandomStream;

namespace {

// Values are part of the run fingerprint: never renumber, only append.
enum EventKind : std::uint32_t {
  kCross,
  kEncounter,
  kArriveFacility,
  kProcessed,
  kRelease,
  kIceTransfer,
  kBedWaitTimeout,
  kDetentionDecided,
  kOrrTransfer,
  kOrrRelease,
  kRecross,
  kReturnBatch,  // payload: batch index within the day
  kFlightDay,
  kPresentAtPort,
  kIceHandover,
};

// Day-level operations fire after the unit events of the same minute.
constexpr std::uint16_t kDayOperationPriority = 1;
// The event queue's window (engine/windowed_event_queue.h): many events are pending days or weeks
// ahead (stays, waits in Mexico, releases); with four-hour windows the heap holds a few
// thousand. Measured best of one hour, four hours and a day on december-2023.
constexpr engine::SimTime kEventWindow = 4 * engine::kMinutesPerHour;
constexpr engine::SimTime kFlightMinute = 10 * engine::kMinutesPerHour;  // flights leave at 10:00

constexpr std::uint8_t purpose(Purpose p) { return static_cast<std::uint8_t>(p); }

// Events of the bed path (detention/bed_path.h): the transfer, then the end of the stay.
constexpr EventKind transfer_event(Facility f) {
  return f == Facility::kIceDetention ? kIceTransfer : kOrrTransfer;
}
constexpr EventKind stay_end_event(Facility f) {
  return f == Facility::kIceDetention ? kDetentionDecided : kOrrRelease;
}

}  // namespace

World::World(const ModelSpec& spec, std::uint32_t replication)
    : spec_(spec),
      replication_(replication),
      reference_detention_beds_(spec.arrivals.conversion_reference
                                    ? spec.arrivals.conversion_reference->detention.beds
                                    : spec.detention.beds),
      arrivals_(spec),
      sim_(kEventWindow),
      stations_(spec),
      beds_(spec),
      returns_(spec.policies.size()),
      ports_(spec, replication),
      policies_(spec) {
  start_policy_day(0);  // the initial state's dispositions follow the first day's levers
  build_initial_state();
}

RandomStream World::stream(std::uint8_t p, const Unit& u) const {
  return RandomStream(spec_.seed, replication_, p, attempt_identity(u.identity, u.attempt));
}

util::Date World::current_date() const { return spec_.start_date + engine::day_of(sim_.now()); }

UnitHandle World::new_unit(std::uint64_t identity, int station, int cell, std::uint16_t size) {
  const UnitHandle h = units_.allocate();
  Unit& u = units_[h];
  u.identity = identity;
  u.station = static_cast<std::uint8_t>(station);
  u.size = size;
  u.demographic = demographic_of_cell(cell);
  u.citizenship = citizenship_of_cell(cell);
  ledger_.enter(u);  // a fresh slot: first attempt, step kToFacility
  return h;
}

// ---------------------------------------------------------------------------------------
// Initial state (initial_state.h), placed in the order it was drawn

void World::build_initial_state() {
  using Where = InitialUnit::Where;
  placing_initial_state_ = true;
  for (const InitialUnit& p : initial_state(spec_, arrivals_, replication_)) {
    if (p.where == Where::kWaitingInMexico) {
      sim_.schedule_at(p.time, kCross, new_unit(p.identity, p.sector, p.cell, p.size));
      continue;
    }
    const UnitHandle h = new_unit(p.identity, p.sector, p.cell, p.size);
    Unit& u = units_[h];
    if (p.where == Where::kInDetention || p.where == Where::kInOrr) {
      const Facility f = p.where == Where::kInOrr ? Facility::kOrrShelter : Facility::kIceDetention;
      ledger_.move(u, BedPath::held_in(f));
      beds_.occupy(f, u.size);
      sim_.schedule_at(p.time, stay_end_event(f), h);
    } else {
      ledger_.move(u, UnitState::kInCustody);
      stations_[static_cast<std::size_t>(p.sector)].hold_processed(u.size);
      u.custody_start = p.time;
      // Encountered before day 0; the first month's Title 42 share stands for theirs.
      RandomStream rs = stream(purpose(Purpose::kTitle42), u);
      u.title42 = expelled_when_encountered(u, spec_, arrivals_, u.custody_start, rs);
      decide_disposition(h);
    }
  }
  placing_initial_state_ = false;
}

// ---------------------------------------------------------------------------------------
// Day loop

void World::run(DayObserver& observer) {
  while (!finished()) run_day(observer);
}

void World::run_day(DayObserver& observer) {
  assert(!finished());
  schedule_day_events(day_);
  sim_.run_until((day_ + 1) * kMinutesPerDay, [this](const engine::Event& e) { handle(e); });
  const DayReport report =
      build_day_report({spec_, levers_, units_, stations_, ledger_, beds_.detention(), beds_.orr(),
                        ports_, policies_.in_force()},
                       day_, sim_.now());
  close_day();
  observer.on_day(report);
  ++day_;
  if (!finished()) start_policy_day(day_);
}

// ---------------------------------------------------------------------------------------
// Policy levers

void World::start_policy_day(int day) {
  const util::Date date = spec_.start_date + day;
  policies_.start_day(date);
  returns_.start_day();
  levers_ = resolve_levers(spec_, date, policies_.in_force(), arrivals_.expected_crossers(day));
  // Mexico's intake fell (an acceptance policy ended): people queued beyond a day's new
  // intake take the path they would have taken without it, with the same draws.
  for (const ReturnChannels::NonMexican& n :
       returns_.cut_non_mexican(levers_.non_mexican_returns_per_day)) {
    const Unit& u = units_[n.unit];
    carry_out(n.unit, decide_not_returned(u, spec_, levers_, stations_.policy_sector(u.station),
                                          n.expedited_draw));
  }
  if (levers_.detention_beds != beds_.detention().beds().beds()) {
    beds_.detention().beds().set_beds(levers_.detention_beds);
    admit_waiting(Facility::kIceDetention);
  }
  // Processing agents of days without ports (with ports, start_port_day adds the officers
  // moved from them).
  if (ports_.empty()) set_sector_processing(PerSector<double>{});
}

void World::set_sector_processing(const PerSector<double>& extra_officers) {
  for (UnitHandle h : stations_.set_sector_servers(levers_.processing_agents, extra_officers)) {
    start_processing(h);
  }
}

void World::schedule_day_events(int day) {
  start_port_day(day);
  for (int s = 0; s < kSectorCount; ++s) {
    arrivals_buffer_.clear();
    arrivals_.generate(day, s, replication_,
                       levers_.arrivals_multiplier[static_cast<std::size_t>(s)], arrivals_buffer_);
    for (const NewArrival& a : arrivals_buffer_) {
      const UnitHandle h = new_unit(a.identity, s, a.cell, a.size);
      sim_.schedule_at(a.time, kCross, h);
    }
  }
  const engine::SimTime start = day * kMinutesPerDay;
  const auto& batches = spec_.dispositions.return_batch_times;
  for (std::size_t b = 0; b < batches.size(); ++b) {
    sim_.schedule_at(start + batches[b], kReturnBatch, b, kDayOperationPriority);
  }
  if ((spec_.start_date + day).weekday() == spec_.detention.flight_weekday) {
    sim_.schedule_at(start + kFlightMinute, kFlightDay, 0, kDayOperationPriority);
  }
}

void World::handle(const engine::Event& e) {
  const UnitHandle h = e.payload;
  switch (static_cast<EventKind>(e.kind)) {
    case kCross:
      return cross(h);
    case kEncounter:
      return encounter(h);
    case kArriveFacility:
      return arrive_at_facility(h);
    case kProcessed:
      return finish_processing(h);
    case kRelease:
      return release_from_custody(h);
    case kIceTransfer:
      return transfer(Facility::kIceDetention, h);
    case kBedWaitTimeout:
      return bed_wait_timeout(h);
    case kDetentionDecided:
      return detention_decided(h);
    case kOrrTransfer:
      return transfer(Facility::kOrrShelter, h);
    case kOrrRelease:
      return orr_release(h);
    case kRecross:
      return recross(h);
    case kReturnBatch:
      return return_batch(static_cast<int>(e.payload));
    case kFlightDay:
      return flight_day();
    case kPresentAtPort:
      return present_at_port(h);
    case kIceHandover:
      return hand_over_to_ice(h);
  }
}

void World::close_day() {
  ports_.end_day(stations_.sector_in_custody());
  policies_.observe(stations_.southwest_encounters(), stations_.port_encounters());
  stations_.end_day();
  beds_.end_day();
}

// ---------------------------------------------------------------------------------------
// Crossing, encounter, gotaway

void World::cross(UnitHandle h) {
  Unit& u = units_[h];
  SectorDay& today = stations_[u.station].today();
  ledger_.move(u, UnitState::kCrossing);
  today.crossings += u.size;
  if (u.attempt > 0) today.repeat_crossings += u.size;

  RandomStream surrender = stream(purpose(Purpose::kSurrender), u);
  RandomStream caught = stream(purpose(Purpose::kApprehension), u);
  RandomStream delay = stream(purpose(Purpose::kEncounterDelay), u);
  if (const auto wait = minutes_to_encounter(u, spec_, levers_.apprehension_probability[u.station],
                                             surrender, caught, delay)) {
    sim_.schedule_in(*wait, kEncounter, h);
    return;
  }
  today.gotaways += u.size;
  finish_unit(h, Exit::kGotAway);
}

void World::encounter(UnitHandle h) {
  Unit& u = units_[h];
  CustodyStation& st = stations_[u.station];
  st.today().encounters += u.size;
  st.today().encounters_by_demographic[index_of(u.demographic)] += u.size;
  st.today().encounters_by_citizenship[index_of(u.citizenship)] += u.size;
  st.admit(u.size);
  ledger_.move(u, UnitState::kInCustody);
  u.step = CustodyStep::kToFacility;
  u.custody_start = sim_.now();
  RandomStream title42 = stream(purpose(Purpose::kTitle42), u);
  u.title42 = expelled_when_encountered(u, spec_, arrivals_, sim_.now(), title42);
  RandomStream rs = stream(purpose(Purpose::kTransport), u);
  sim_.schedule_in(draw_duration(spec_.processing.transport, rs), kArriveFacility, h);
}

// ---------------------------------------------------------------------------------------
// Processing

void World::arrive_at_facility(UnitHandle h) {
  Unit& u = units_[h];
  u.step = CustodyStep::kAwaitingProcessing;
  if (stations_[u.station].queue_for_processing(h, u.demographic)) start_processing(h);
}

void World::start_processing(UnitHandle h) {
  Unit& u = units_[h];
  u.step = CustodyStep::kInProcessing;
  RandomStream rs = stream(purpose(Purpose::kService), u);
  sim_.schedule_in(draw_processing_time(u, spec_.processing, rs), kProcessed, h);
}

void World::finish_processing(UnitHandle h) {
  const Unit& u = units_[h];
  if (auto next = stations_[u.station].finish_processing(u.size)) start_processing(*next);
  decide_disposition(h);
}

// ---------------------------------------------------------------------------------------
// Dispositions (docs/model.md, "Dispositions")

void World::decide_disposition(UnitHandle h) {
  Unit& u = units_[h];
  u.step_start = sim_.now();
  RandomStream rs = stream(purpose(Purpose::kDisposition), u);
  const DispositionContext context{spec_, levers_, stations_.policy_sector(u.station),
                                   returns_.non_mexican_queued_people(), current_date()};
  carry_out(h, model::decide_disposition(u, context, rs));
}

void World::carry_out(UnitHandle h, const Disposition& d) {
  Unit& u = units_[h];
  // Counted on the day decided, as OHSS counts book-outs by month of encounter.
  const auto decided_for_ice = [&] {
    stations_[u.station].today().ice_transfers_decided += u.size;
  };
  switch (d.kind) {
    case DispositionKind::kMexicanReturn:
      u.step = CustodyStep::kAwaitingReturn;
      returns_.queue_mexican(h, u.size);
      return;
    case DispositionKind::kNonMexicanReturn:
      u.step = CustodyStep::kAwaitingReturn;
      returns_.queue_non_mexican({h, u.size, d.expedited_draw});
      return;
    case DispositionKind::kOrr:
      wait_for_bed(Facility::kOrrShelter, h);
      return;
    case DispositionKind::kDetention:
      decided_for_ice();
      u.policy = static_cast<std::int8_t>(d.policy);
      u.hold_for_bed = d.hold_for_bed;
      request_detention_bed(h);
      return;
    case DispositionKind::kIceTransfer: {
      decided_for_ice();
      u.step = CustodyStep::kAwaitingIceTransfer;
      RandomStream delay = stream(purpose(Purpose::kDispositionDelay), u);
      sim_.schedule_in(post_processing_delay(spec_.dispositions.ice_transfer_delay, delay),
                       kIceHandover, h);
      return;
    }
    case DispositionKind::kRemainInMexico: {
      const auto& rmx =
          std::get<RemainInMexico>(spec_.policies[static_cast<std::size_t>(d.policy)].lever);
      if (returns_.enroll_remain_in_mexico(h, u.size, d.policy, rmx.acceptance_per_day)) {
        u.policy = static_cast<std::int8_t>(d.policy);
        u.step = CustodyStep::kAwaitingReturn;
        return;
      }
      if (d.hold_for_bed) {
        decided_for_ice();
        u.hold_for_bed = true;
        request_detention_bed(h);
        return;
      }
      break;  // released
    }
    case DispositionKind::kRelease:
      break;
  }
  u.step = CustodyStep::kAwaitingRelease;
  CustodyStation& station = stations_[u.station];
  station.today().releases_decided += u.size;
  const std::int64_t capacity = is_port_station(u.station)
                                    ? 0
                                    : levers_.holding_capacity[static_cast<std::size_t>(u.station)];
  const bool crowded = release_path_crowded(spec_.dispositions, station.in_custody(), capacity);
  if (crowded) station.today().crowded_releases += u.size;
  RandomStream delay = stream(purpose(Purpose::kDispositionDelay), u);
  sim_.schedule_in(post_processing_delay(release_delay(spec_.dispositions, crowded), delay),
                   kRelease, h);
}

engine::SimTime World::post_processing_delay(const DurationSpec& d, RandomStream& rs) const {
  return placing_initial_state_ ? draw_residual_duration(d, rs) : draw_duration(d, rs);
}

void World::leave_custody(UnitHandle h) {
  const Unit& u = units_[h];
  stations_.leave(u.station, u.size, sim_.now() - u.custody_start);
}

void World::finish_unit(UnitHandle h, Exit where) {
  ledger_.exit(units_[h], where);
  units_.release(h);
}

void World::release_from_custody(UnitHandle h) {
  const Unit& u = units_[h];
  leave_custody(h);
  stations_[u.station].today().released += u.size;
  finish_unit(h, Exit::kReleased);
}

// ---------------------------------------------------------------------------------------
// Returns to Mexico

void World::return_batch(int batch) {
  const auto batches = static_cast<int>(spec_.dispositions.return_batch_times.size());
  for (UnitHandle h : returns_.batch(batch, batches, spec_.dispositions.mexican_returns_per_day,
                                     levers_.non_mexican_returns_per_day)) {
    return_to_mexico(h);
  }
}

void World::return_to_mexico(UnitHandle h) {
  Unit& u = units_[h];
  leave_custody(h);
  stations_[u.station].today().*return_flow(u, spec_) += u.size;
  RandomStream rs = stream(purpose(Purpose::kRecross), u);
  if (const auto delay = minutes_to_recross(u, spec_, rs)) {
    ledger_.move(u, UnitState::kWaitingInMexico);
    ++u.attempt;
    sim_.schedule_in(*delay, kRecross, h);
    return;
  }
  finish_unit(h, Exit::kInMexico);
}

void World::recross(UnitHandle h) {
  Unit& u = units_[h];
  // Someone returned after presenting at a port tries again between ports, in the sector the
  // crossing lies in (assumption, docs/model.md).
  if (is_port_station(u.station)) {
    u.station = static_cast<std::uint8_t>(stations_.policy_sector(u.station));
    u.appointment = false;
  }
  // A new attempt: whatever policy routed the last one decides nothing now.
  u.policy = -1;
  u.hold_for_bed = false;
  cross(h);
}

// ---------------------------------------------------------------------------------------
// Beds: ICE detention (expedited removal) and ORR shelters (unaccompanied children)

void World::wait_for_bed(Facility f, UnitHandle h) {
  start_transfers(f, beds_.wait(f, units_, h, sim_.now()));
}

void World::admit_waiting(Facility f) { start_transfers(f, beds_.admit(f, units_)); }

void World::start_transfers(Facility f, const std::vector<UnitHandle>& admitted) {
  for (UnitHandle h : admitted) {
    RandomStream rs = stream(purpose(Purpose::kDispositionDelay), units_[h]);
    sim_.schedule_in(beds_.draw_transfer_delay(f, rs), transfer_event(f), h);
  }
}

void World::transfer(Facility f, UnitHandle h) {
  Unit& u = units_[h];
  leave_custody(h);
  stations_[u.station].today().*BedPath::transferred(f) += u.size;
  enter_facility(f, h);
}

void World::enter_facility(Facility f, UnitHandle h) {
  Unit& u = units_[h];
  ledger_.move(u, BedPath::held_in(f));
  RandomStream rs = stream(purpose(BedPath::stay_purpose(f)), u);
  sim_.schedule_in(beds_.transfer_in(f, u.size, rs), stay_end_event(f), h);
}

void World::hand_over_to_ice(UnitHandle h) {
  Unit& u = units_[h];
  leave_custody(h);
  SectorDay& today = stations_[u.station].today();
  today.transferred_to_ice += u.size;
  // ICE books the unit in with the month's share, if its beds hold it now (people waiting
  // in Border Patrol custody for a bed under a policy do not hold ICE's own intake back);
  // otherwise ICE releases it at once.
  RandomStream rs = stream(purpose(Purpose::kIceBookIn), u);
  const double book_in_share = scaled_book_in_share(
      spec_.dispositions.outcome_mix.at(current_date()).ice_book_in_share, levers_.detention_beds,
      reference_detention_beds_, spec_.detention.book_in_bed_elasticity);
  if (rs.uniform() < book_in_share && beds_.take_now(Facility::kIceDetention, u.size)) {
    enter_facility(Facility::kIceDetention, h);
    return;
  }
  today.released_by_ice += u.size;
  finish_unit(h, Exit::kReleased);
}

void World::request_detention_bed(UnitHandle h) {
  wait_for_bed(Facility::kIceDetention, h);
  const Unit& u = units_[h];
  if (u.step == CustodyStep::kAwaitingBed && !u.hold_for_bed) {
    sim_.schedule_in(spec_.dispositions.max_wait_for_bed, kBedWaitTimeout, h);
  }
}

void World::bed_wait_timeout(UnitHandle h) {
  // Released if still waiting; its waiting-list entry is then stale and skipped.
  if (BedPath::waiting(Facility::kIceDetention, units_, h)) release_from_custody(h);
}

void World::detention_decided(UnitHandle h) {
  const Unit& u = units_[h];
  RandomStream rs = stream(purpose(Purpose::kCredibleFear), u);
  const bool passed = passes_fear_screening(u, spec_, current_date(), rs);
  left_detention(h, beds_.detention().decide_case(h, u.size, u.citizenship, passed, sim_.now()));
}

void World::left_detention(UnitHandle h, IceDetention::Decision decision) {
  switch (decision) {
    case IceDetention::Decision::kReleased:
      finish_unit(h, Exit::kReleased);
      break;
    case IceDetention::Decision::kRemovedByLand:
      finish_unit(h, Exit::kRemoved);
      break;
    case IceDetention::Decision::kAwaitingFlight:
      units_[h].step_start = sim_.now();
      return;
  }
  admit_waiting(Facility::kIceDetention);
}

void World::flight_day() {
  for (const IceDetention::Departure& d :
       beds_.detention().flight_day(sim_.now(), spec_.detention.flight_seats_per_week,
                                    spec_.detention.max_wait_for_flight)) {
    finish_unit(d.unit, d.removed ? Exit::kRemoved : Exit::kReleased);
  }
  admit_waiting(Facility::kIceDetention);
}

void World::orr_release(UnitHandle h) {
  beds_.orr().release(units_[h].size);
  finish_unit(h, Exit::kReleased);
  admit_waiting(Facility::kOrrShelter);
}

// ---------------------------------------------------------------------------------------
// Ports of entry

void World::start_port_day(int day) {
  if (ports_.empty()) return;
  const PerSector<double> extra_officers = ports_.plan_day(day, levers_);
  set_sector_processing(extra_officers);
  ports_.run_traffic(day);
  presenting_buffer_.clear();
  ports_.people_presenting(day, levers_.appointments_per_day, arrivals_.family_size_weights(),
                           presenting_buffer_);
  for (const PortsOfEntry::Presenting& p : presenting_buffer_) {
    const UnitHandle h = new_unit(p.identity, port_station(p.crossing), p.cell, p.size);
    units_[h].appointment = p.appointment;
    sim_.schedule_at(p.time, kPresentAtPort, h);
  }
}

void World::present_at_port(UnitHandle h) {
  Unit& u = units_[h];
  CustodyStation& st = stations_[u.station];
  st.today().encounters += u.size;
  if (u.appointment) ports_.count_appointments(crossing_of_station(u.station), u.size);
  st.admit(u.size);
  ledger_.move(u, UnitState::kInCustody);
  u.custody_start = sim_.now();
  arrive_at_facility(h);
}

}  // namespace bf::model
