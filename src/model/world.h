#pragma once
// One replication of the Border Patrol processing model: the world built from a frozen
// ModelSpec, advanced day by day on the event engine. Reports each day to an observer and
// never touches files. Many Worlds can run at once (no shared mutable state).

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "engine/random_stream.h"
#include "engine/server_pool.h"
#include "engine/simulator.h"
#include "model/arrival_generator.h"
#include "model/bed_pool.h"
#include "model/custody_time_histogram.h"
#include "model/day_levers.h"
#include "model/day_report.h"
#include "model/model_spec.h"
#include "model/policy_trigger.h"
#include "model/port_traffic.h"
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
  struct SectorState {
    engine::ServerPool processing;
    std::int64_t in_custody = 0;           // people
    std::int64_t awaiting_processing = 0;  // people encountered, not yet processed
    CustodyTimeHistogram custody_time;
    SectorDay today;
  };
  struct SystemFlows {
    std::int64_t detention_book_ins = 0, detention_releases = 0, orr_releases = 0;
    PerCitizenship<std::int64_t> removals{};
  };

  void handle(const engine::Event& e);
  // Policy levers (docs/model.md, "Policy levers"): which policies are in force on `day` and
  // what they change, set before the day starts.
  void start_policy_day(int day);
  void observe_triggers(std::int64_t southwest_encounters);
  // The sector whose policies apply to a unit: its own, or the sector of its crossing.
  int policy_sector(const Unit& u) const;
  // Remain in Mexico: returns true when `h` is enrolled (returned to wait for its hearing).
  bool enroll_in_remain_in_mexico(UnitHandle h, std::size_t sector);
  const RemainInMexico* remain_in_mexico_of(const Unit& u) const;
  void build_initial_state();
  void schedule_day_events(int day);
  void emit_day(DayObserver& observer);

  // Unit life cycle.
  void cross(UnitHandle h);
  void encounter(UnitHandle h);
  void arrive_at_facility(UnitHandle h);
  void start_processing(UnitHandle h);
  void finish_processing(UnitHandle h);
  void decide_disposition(UnitHandle h);
  // The disposition of a non-Mexican adult or family Mexico does not take back: expedited
  // removal, Remain in Mexico, held for a bed (no catch-and-release) or released.
  void decide_not_returned(UnitHandle h);
  // Whether this attempt of `u`, encountered on `date`, is expelled under Title 42, with the
  // arrival table's share of the cell in the month of `share_day` (docs/model.md,
  // "Dispositions"). Never at ports of entry.
  bool expelled_under_title42(const Unit& u, util::Date date, int share_day) const;
  void leave_custody(UnitHandle h);
  void release_from_custody(UnitHandle h);
  void return_to_mexico(UnitHandle h);
  void request_detention_bed(UnitHandle h);
  void admit_waiting_for_detention();
  void transfer_to_detention(UnitHandle h);
  void bed_wait_timeout(UnitHandle h);
  void detention_decided(UnitHandle h);
  void flight_day();
  void request_orr_bed(UnitHandle h);
  void admit_waiting_for_orr();
  void transfer_to_orr(UnitHandle h);
  void orr_release(UnitHandle h);
  void return_batch(int batch);
  void recross(UnitHandle h);
  void present_at_port(UnitHandle h);

  // Ports of entry (docs/model.md, "Ports of entry").
  bool is_port(int station) const { return station >= kSectorCount; }
  void start_port_day(int day);
  void generate_port_people(int day);
  void update_triggered_closures();

  // Terminal exits: count the people and free the slot.
  void finish_unit(UnitHandle h, std::int64_t StateCounts::*terminal);

  engine::RandomStream stream(std::uint8_t purpose, const Unit& u) const;
  engine::SimTime draw_duration(const DurationSpec& d, engine::RandomStream& rs) const;
  UnitHandle new_unit(std::uint64_t identity, int sector, int cell, std::uint16_t size);
  // A person of the initial state, placed directly in `state` (counted in `count`).
  UnitHandle place_initial_person(std::uint64_t identity, int sector, int cell, UnitState state,
                                  std::int64_t StateCounts::*count);
  engine::SimTime residual_stay(const DurationSpec& stay, engine::RandomStream& rs) const;

  const ModelSpec& spec_;
  const std::uint32_t replication_;
  ArrivalGenerator arrivals_;
  engine::Simulator sim_;
  UnitStore units_;
  std::vector<SectorState> sectors_;  // stations: the sectors, then one per crossing
  std::array<double, kSectorCount> apprehension_probability_{};
  BedPool detention_;
  BedPool orr_;
  std::deque<UnitHandle> mexican_returns_;      // processed Mexicans awaiting a return batch
  std::deque<UnitHandle> non_mexican_returns_;  // non-Mexicans Mexico agreed to take
  std::int64_t non_mexican_queue_people_ = 0;
  PerCitizenship<std::deque<UnitHandle>> flight_queues_;
  SystemFlows system_today_;
  CustodyTimeHistogram southwest_custody_time_;  // all sectors pooled, for the true Southwest p90
  StateCounts states_;
  std::vector<NewArrival> arrivals_buffer_;
  PortTraffic traffic_;
  std::vector<PortDay> port_days_;                     // today's traffic, filled at day start
  std::vector<std::int64_t> appointments_today_;       // per crossing
  std::vector<bool> closure_triggered_;                // per closure: triggered state
  std::vector<std::optional<TriggerState>> triggers_;  // per policy, when it has a trigger
  std::vector<bool> in_force_;                         // per policy, today
  std::vector<std::int64_t> enrolled_today_;           // per policy: Remain in Mexico enrollees
  DayLevers levers_;
  std::deque<UnitHandle> remain_in_mexico_returns_;  // enrollees awaiting a return batch
  int day_ = 0;
};

}  // namespace bf::model
