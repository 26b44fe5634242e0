#pragma once
// What the model tells its observers at the end of each simulated day. The model never
// writes files: io/ sinks implement DayObserver and turn these records into CSV, SQLite
// and JSON. Counts of events are "during the day"; stocks are "at the end of the day".

#include <cstdint>
#include <vector>

#include "model/population.h"
#include "model/port_day.h"
#include "util/date.h"

namespace bf::model {

// Distribution of time in custody (TIC) of the people who left Border Patrol custody during
// one day, in whole hours (bins of 1 hour; the last bin collects everything longer).
struct CustodyTimeSummary {
  std::int64_t people = 0;  // people who left custody that day
  double mean_hours = 0.0;  // 0 when people == 0
  double p90_hours = 0.0;   // 90th percentile, hour resolution; 0 when people == 0
};

struct SectorDay {
  // Flows during the day (people).
  std::int64_t crossings = 0;         // people reaching the border between ports
  std::int64_t repeat_crossings = 0;  // ... of whom people previously returned to Mexico
  std::int64_t encounters = 0;        // surrenders + apprehensions (events, not people)
  PerDemographic<std::int64_t> encounters_by_demographic{};
  PerCitizenship<std::int64_t> encounters_by_citizenship{};
  std::int64_t gotaways = 0;            // evaders not apprehended
  std::int64_t processed = 0;           // people whose processing finished
  std::int64_t returned_to_mexico = 0;  // Title 8 returns (and repatriated children)
  std::int64_t title42_expulsions = 0;  // expelled to Mexico under Title 42
  std::int64_t remain_in_mexico = 0;    // returned to Mexico to await their hearing (MPP)
  std::int64_t transferred_to_ice = 0;  // handed to ICE: into detention, or released by ICE
  std::int64_t released_by_ice = 0;     // ... of whom ICE released without a book-in (mix)
  std::int64_t released = 0;            // released with a Notice to Appear or on parole
  std::int64_t crowded_releases = 0;    // releases decided on the crowded path (see schema)
  // Not output columns (validate reads them): people whose release, or handover or detention
  // by ICE, was decided today. OHSS counts book-outs by month of encounter; the decision comes
  // hours after the encounter, the book-out days later (docs/validation.md §8).
  std::int64_t releases_decided = 0;
  std::int64_t ice_transfers_decided = 0;
  std::int64_t transferred_to_orr = 0;  // unaccompanied children to ORR shelters
  CustodyTimeSummary custody_time;      // of the people who left custody today
  // Stocks at the end of the day (people).
  std::int64_t in_custody = 0;           // all held by Border Patrol in the sector
  std::int64_t over_capacity = 0;        // max(0, in_custody - holding_capacity)
  std::int64_t held_over_72h = 0;        // in custody for more than the 72-hour standard
  std::int64_t awaiting_processing = 0;  // in custody, not yet processed
  // Settings in force (for reading the stocks).
  std::int64_t holding_capacity = 0;
  std::int64_t processing_agents = 0;
  double agents_on_patrol = 0.0;
};

// Where every person who ever entered the model is at the end of the day. Conservation:
// the fields sum to `entered` every day (tested).
struct StateCounts {
  std::int64_t entered = 0;  // initial population + every new crosser so far
  std::int64_t waiting_in_mexico =
      0;                          // staged to cross (initial state, or returned and recrossing)
  std::int64_t crossing = 0;      // crossed, not yet encountered or got away
  std::int64_t in_custody = 0;    // Border Patrol custody, any step
  std::int64_t in_detention = 0;  // ICE detention, including awaiting a flight
  std::int64_t in_orr = 0;        // ORR shelters
  std::int64_t got_away = 0;      // terminal: gotaways (until they cross again: never)
  std::int64_t in_mexico = 0;     // terminal: returned and not trying again
  std::int64_t released = 0;      // terminal: released into the US (BP, ICE or ORR)
  std::int64_t removed = 0;       // terminal: removed by flight
  std::int64_t sum_of_states() const {
    return waiting_in_mexico + crossing + in_custody + in_detention + in_orr + got_away +
           in_mexico + released + removed;
  }
};

struct SystemDay {
  CustodyTimeSummary custody_time;        // everyone who left BP custody today, all sectors
  std::int64_t detention_population = 0;  // end of day
  std::int64_t detention_beds = 0;
  std::int64_t detention_book_ins = 0;                     // during the day
  std::int64_t detention_releases = 0;                     // released with an NTA from detention
  PerCitizenship<std::int64_t> removals_by_destination{};  // flights during the day
  std::int64_t awaiting_detention_bed = 0;                 // in BP custody, end of day
  std::int64_t orr_population = 0;                         // end of day
  std::int64_t orr_beds = 0;
  std::int64_t orr_releases = 0;       // children released to sponsors during the day
  std::int64_t waiting_in_mexico = 0;  // end of day
  StateCounts states;
};

struct DayReport {
  int day_index = 0;  // 0 = first simulated day
  util::Date date;
  PerSector<SectorDay> sectors{};
  std::vector<PortDay> ports;  // one per crossing of ModelSpec::ports, in that order
  SystemDay system;
  std::vector<bool> policies_in_force;  // per ModelSpec::policies: in force that day
};

class DayObserver {
 public:
  virtual ~DayObserver() = default;
  // Called once per simulated day, in day order, after the day's last event.
  virtual void on_day(const DayReport& report) = 0;
};

}  // namespace bf::model
