#pragma once
// One replication of the Border Patrol processing model: the world built from a frozen
// ModelSpec, advanced day by day on the event engine. Reports each day to an observer and
// never touches files. Many Worlds can run at once (no shared mutable state).
//
// The World keeps the story — the day loop, the event dispatch and each person's path —
// and leaves resources and rules to components (src/model/README.md): custody stations,
// the decisions on the way (crossing, processing time, Title 42, disposition, recrossing),
// the path to an ICE detention or ORR bed, return channels, the ports' day, the population
// ledger that moves people between states, and the day's report. It schedules every event.

#include <cstdint>
#include <vector>

#include "engine/random_stream.h"
#include "engine/simulator.h"
#include "model/arrival_generator.h"
#include "model/custody/custody_stations.h"
#include "model/day_levers.h"
#include "model/day_report.h"
#include "model/detention/bed_path.h"
#include "model/disposition/disposition.h"
#include "model/model_spec.h"
#include "model/policies_in_force.h"
#include "model/population_ledger.h"
#include "model/ports/ports_of_entry.h"
#include "model/returns/return_channels.h"
#include "model/unit.h"

namespace bf::model {

class World {
 public:
  // `spec` must outlive the World. replication < engine::kMaxReplications.
  World(const ModelSpec& spec, std::uint32_t replication);

  // Simulates every remaining day, calling observer.on_day after each.
  void run(DayObserver& observer);
  // Simulates one day. Precondition: !finished().
  void run_day(DayObserver& observer);
  bool finished() const { return day_ >= spec_.days; }

  const engine::Fingerprint& fingerprint() const { return sim_.fingerprint(); }
  std::uint64_t events_processed() const { return sim_.events_processed(); }
  // Units currently alive (memory is proportional to this, not to the horizon).
  std::size_t live_units() const { return units_.live(); }

 private:
  void handle(const engine::Event& e);
  // Policy levers (docs/model.md, "Policy levers"): which policies are in force on `day` and
  // what they change, set before the day starts.
  void start_policy_day(int day);
  void build_initial_state();
  void schedule_day_events(int day);
  // End of day, after the report (day_report_builder.h): resets today's counters, feeds the
  // triggers and the triggered port closures.
  void close_day();

  // Unit life cycle.
  void cross(UnitHandle h);
  void encounter(UnitHandle h);
  void arrive_at_facility(UnitHandle h);
  void start_processing(UnitHandle h);
  void finish_processing(UnitHandle h);
  // Decides where a processed unit goes (disposition/disposition.h) and sends it there.
  void decide_disposition(UnitHandle h);
  void carry_out(UnitHandle h, const Disposition& d);
  // A wait after processing (release, handover to ICE) drawn from `d`; for someone of the
  // initial state, only what is left of it (duration_draw.h, draw_residual_duration).
  engine::SimTime post_processing_delay(const DurationSpec& d, engine::RandomStream& rs) const;
  void leave_custody(UnitHandle h);
  void release_from_custody(UnitHandle h);
  void return_batch(int batch);
  void return_to_mexico(UnitHandle h);
  void recross(UnitHandle h);

  // Beds (detention/bed_path.h): ICE detention and ORR shelters share the path
  // wait → admit → transfer → stay; the World schedules the transfers and the stays.
  void wait_for_bed(Facility f, UnitHandle h);
  void admit_waiting(Facility f);
  void start_transfers(Facility f, const std::vector<UnitHandle>& admitted);
  void transfer(Facility f, UnitHandle h);
  // The unit (out of custody, its beds taken) enters `f` and starts its stay.
  void enter_facility(Facility f, UnitHandle h);
  // Outcome mix: the unit leaves custody to ICE, which books it in or releases it.
  void hand_over_to_ice(UnitHandle h);
  void request_detention_bed(UnitHandle h);
  void bed_wait_timeout(UnitHandle h);
  void detention_decided(UnitHandle h);
  // After a case is decided: the unit leaves (its beds offered on) or, waiting for a flight,
  // stays.
  void left_detention(UnitHandle h, IceDetention::Decision decision);
  void flight_day();
  void orr_release(UnitHandle h);

  // Ports of entry (docs/model.md, "Ports of entry").
  void start_port_day(int day);
  void present_at_port(UnitHandle h);
  // Processing servers of every sector today: levers plus officers moved from ports.
  void set_sector_processing(const PerSector<double>& extra_officers);

  // Terminal exits: count the people and free the slot.
  void finish_unit(UnitHandle h, Exit where);

  engine::RandomStream stream(std::uint8_t purpose, const Unit& u) const;
  // The simulated calendar day now.
  util::Date current_date() const;
  UnitHandle new_unit(std::uint64_t identity, int station, int cell, std::uint16_t size);

  const ModelSpec& spec_;
  const std::uint32_t replication_;
  // ICE beds of the replay the outcome mix describes (the conversion reference's, or this
  // scenario's): the book-in share is scaled by the beds in force over these.
  const std::int64_t reference_detention_beds_;
  ArrivalGenerator arrivals_;
  engine::WindowedSimulator sim_;  // windows of kEventWindow (world.cc)
  UnitStore units_;
  PopulationLedger ledger_;
  CustodyStations stations_;  // the sectors, then one per crossing
  BedPath beds_;              // ICE detention and ORR shelters
  ReturnChannels returns_;
  PortsOfEntry ports_;
  std::vector<NewArrival> arrivals_buffer_;
  std::vector<PortsOfEntry::Presenting> presenting_buffer_;
  PoliciesInForce policies_;
  DayLevers levers_;
  int day_ = 0;
  // True while the initial state is placed: people held since before day 0 are part-way
  // through their wait after processing (post_processing_delay).
  bool placing_initial_state_ = false;
};

}  // namespace bf::model
