#include "model/world.h"

#include <cassert>
#include <cmath>
#include <variant>

#include "engine/distributions.h"
#include "model/encounter_rates.h"
#include "model/random_purpose.h"
#include "model/stream_identity.h"

namespace bf::model {

using engine::kMinutesPerDay;
using engine::RandomStream;

namespace {

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
};

// Day-level operations fire after the unit events of the same minute.
constexpr std::uint16_t kDayOperationPriority = 1;
constexpr engine::SimTime kFlightMinute = 10 * engine::kMinutesPerHour;  // flights leave at 10:00

constexpr std::uint8_t purpose(Purpose p) { return static_cast<std::uint8_t>(p); }

// Queue class in processing: unaccompanied children first, then families, then adults
// (CBP prioritises vulnerable groups; assumption, docs/model.md).
int processing_class(Demographic d) {
  switch (d) {
    case Demographic::kUnaccompaniedChild:
      return 0;
    case Demographic::kFamilyUnitMember:
    case Demographic::kAccompaniedMinor:
      return 1;
    case Demographic::kSingleAdult:
      return 2;
  }
  return 2;
}

// People of a per-day capacity that batch `batch` of `batches` may take: the day's capacity
// split into near-equal integer parts that add up exactly.
std::int64_t batch_share(std::int64_t per_day, int batch, int batches) {
  return per_day * (batch + 1) / batches - per_day * batch / batches;
}

}  // namespace

World::World(const ModelSpec& spec, std::uint32_t replication)
    : spec_(spec),
      replication_(replication),
      arrivals_(spec),
      detention_(spec.detention.beds),
      orr_(spec.orr.beds),
      traffic_(spec.ports, spec.start_date, spec.days, spec.seed),
      appointments_today_(spec.ports.crossings.size(), 0),
      closure_triggered_(spec.ports.closures.size(), false),
      in_force_(spec.policies.size(), false),
      enrolled_today_(spec.policies.size(), 0) {
  for (const PolicySpec& p : spec.policies) {
    triggers_.push_back(p.trigger ? std::optional<TriggerState>(TriggerState(*p.trigger))
                                  : std::nullopt);
  }
  sectors_.reserve(kSectorCount + spec.ports.crossings.size());
  for (int s = 0; s < kSectorCount; ++s) {
    sectors_.push_back(
        SectorState{engine::ServerPool(spec.sectors[s].processing_agents, 3), 0, 0, {}, {}});
  }
  for (const CrossingSpec& c : spec.ports.crossings) {
    sectors_.push_back(SectorState{engine::ServerPool(c.processing_officers, 3), 0, 0, {}, {}});
  }
  start_policy_day(0);  // the initial state's dispositions follow the first day's levers
  build_initial_state();
}

RandomStream World::stream(std::uint8_t p, const Unit& u) const {
  return RandomStream(spec_.seed, replication_, p, attempt_identity(u.identity, u.attempt));
}

engine::SimTime World::draw_duration(const DurationSpec& d, RandomStream& rs) const {
  const double minutes = engine::lognormal_mean_cv(rs, static_cast<double>(d.mean), d.cv);
  return static_cast<engine::SimTime>(std::llround(minutes));
}

UnitHandle World::new_unit(std::uint64_t identity, int sector, int cell, std::uint16_t size) {
  const UnitHandle h = units_.allocate();
  Unit& u = units_[h];
  u.identity = identity;
  u.sector = static_cast<std::uint8_t>(sector);
  u.attempt = 0;
  u.size = size;
  u.demographic = demographic_of_cell(cell);
  u.citizenship = citizenship_of_cell(cell);
  u.state = UnitState::kWaitingInMexico;
  u.step = CustodyStep::kToFacility;
  states_.entered += size;
  states_.waiting_in_mexico += size;
  return h;
}

UnitHandle World::place_initial_person(std::uint64_t identity, int sector, int cell,
                                       UnitState state, std::int64_t StateCounts::*count) {
  const UnitHandle h = new_unit(identity, sector, cell, 1);
  states_.waiting_in_mexico -= 1;
  states_.*count += 1;
  units_[h].state = state;
  return h;
}

engine::SimTime World::residual_stay(const DurationSpec& stay, RandomStream& rs) const {
  // Someone met at a random moment of their stay has a uniform share of it left (an
  // approximation of the length-biased residual; docs/model.md, "Initial state").
  const double share = rs.uniform();
  return static_cast<engine::SimTime>(share * static_cast<double>(draw_duration(stay, rs)));
}

// ---------------------------------------------------------------------------------------
// Initial state: people already in custody, in detention, in ORR shelters and waiting in
// Mexican border cities on the first morning (docs/model.md, "Initial state").

void World::build_initial_state() {
  // Detention and ORR first: their beds are full before anyone in custody asks for one.
  // Detention: adults from the non-Mexican single-adult mix of the first month, nationally;
  // each is part-way through a stay (residual = uniform share of a fresh length of stay).
  {
    std::array<double, kCitizenshipCount> mix{};
    for (int s = 0; s < kSectorCount; ++s) {
      for (int c = 1; c < kCitizenshipCount; ++c) {
        mix[static_cast<std::size_t>(c)] += arrivals_.crossers_per_day(
            0, s, cell_of(Demographic::kSingleAdult, static_cast<Citizenship>(c)));
      }
    }
    double total = 0.0;
    for (double m : mix) total += m;
    if (total <= 0.0) mix = {0.0, 1.0, 1.0, 1.0, 1.0};
    const engine::AliasTable citizenships(mix);
    for (int k = 0; k < spec_.detention.initial_population; ++k) {
      const std::uint64_t id = initial_identity(InitialKind::kInDetention, 0, k);
      RandomStream rs(spec_.seed, replication_, purpose(Purpose::kInitialState), id);
      const int cell =
          cell_of(Demographic::kSingleAdult, static_cast<Citizenship>(citizenships.sample(rs)));
      const UnitHandle h =
          place_initial_person(id, 0, cell, UnitState::kInDetention, &StateCounts::in_detention);
      detention_.occupy(1);
      sim_.schedule_at(residual_stay(spec_.detention.length_of_stay, rs), kDetentionDecided, h);
    }
  }

  // ORR shelters: unaccompanied children part-way through their stay.
  for (int k = 0; k < spec_.orr.initial_population; ++k) {
    const std::uint64_t id = initial_identity(InitialKind::kInOrr, 0, k);
    RandomStream rs(spec_.seed, replication_, purpose(Purpose::kInitialState), id);
    const UnitHandle h = place_initial_person(
        id, 0, cell_of(Demographic::kUnaccompaniedChild, Citizenship::kGuatemala),
        UnitState::kInOrr, &StateCounts::in_orr);
    orr_.occupy(1);
    sim_.schedule_at(residual_stay(spec_.orr.length_of_stay, rs), kOrrRelease, h);
  }
  const engine::SimTime standard = spec_.processing.custody_standard;
  for (int s = 0; s < kSectorCount; ++s) {
    const auto mix = arrivals_.cell_mix(0, s);
    const engine::AliasTable cells(mix);
    const SectorSpec& sector = spec_.sectors[s];
    // In custody: individuals already processed, held since up to 2/3 of the standard ago.
    for (int k = 0; k < sector.initial_in_custody; ++k) {
      const std::uint64_t id = initial_identity(InitialKind::kInCustody, s, k);
      RandomStream rs(spec_.seed, replication_, purpose(Purpose::kInitialState), id);
      const UnitHandle h = place_initial_person(id, s, cells.sample(rs), UnitState::kInCustody,
                                                &StateCounts::in_custody);
      sectors_[s].in_custody += 1;
      units_[h].custody_start =
          -static_cast<engine::SimTime>(rs.uniform() * (2.0 / 3.0) * static_cast<double>(standard));
      // Encountered before day 0; the first month's Title 42 share stands for theirs.
      const auto days_before = static_cast<std::int64_t>(
          std::floor(static_cast<double>(units_[h].custody_start) / kMinutesPerDay));
      units_[h].title42 = expelled_under_title42(units_[h], spec_.start_date + days_before, 0);
      decide_disposition(h);
    }
    // Waiting in Mexico: exactly the stated number of people cross over the stated days.
    std::int64_t people_left = sector.initial_waiting_in_mexico;
    for (std::uint64_t k = 0; people_left > 0; ++k) {
      const std::uint64_t id = initial_identity(InitialKind::kWaiting, s, k);
      RandomStream rs(spec_.seed, replication_, purpose(Purpose::kInitialState), id);
      const int cell = cells.sample(rs);
      std::int64_t size = 1;
      if (demographic_of_cell(cell) == Demographic::kFamilyUnitMember) {
        size = std::llround(arrivals_.mean_family_size());
      }
      size = std::min(size, people_left);
      people_left -= size;
      const UnitHandle h = new_unit(id, s, cell, static_cast<std::uint16_t>(size));
      const auto when = static_cast<engine::SimTime>(
          rs.uniform() * static_cast<double>(sector.initial_waiting_days * kMinutesPerDay));
      sim_.schedule_at(when, kCross, h);
    }
  }
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
  emit_day(observer);
  ++day_;
  if (!finished()) start_policy_day(day_);
}

// ---------------------------------------------------------------------------------------
// Policy levers

void World::start_policy_day(int day) {
  const util::Date date = spec_.start_date + day;
  for (std::size_t p = 0; p < spec_.policies.size(); ++p) {
    const PolicySpec& policy = spec_.policies[p];
    const bool dated = policy.in_dates(date);
    if (triggers_[p] && date == std::max(policy.start, spec_.start_date)) triggers_[p]->start();
    in_force_[p] = dated && (!triggers_[p] || triggers_[p]->in_force());
    enrolled_today_[p] = 0;
  }
  PerSector<double> expected{};
  for (int s = 0; s < kSectorCount; ++s) {
    for (int cell = 0; cell < kCellCount; ++cell) {
      expected[static_cast<std::size_t>(s)] += arrivals_.crossers_per_day(day, s, cell);
    }
  }
  levers_ = resolve_levers(spec_, date, in_force_, expected);
  // Mexico's intake fell (an acceptance policy ended): people queued beyond a day's new
  // intake take the path they would have taken without it.
  while (non_mexican_queue_people_ > levers_.non_mexican_returns_per_day) {
    const UnitHandle h = non_mexican_returns_.back();
    non_mexican_returns_.pop_back();
    non_mexican_queue_people_ -= units_[h].size;
    decide_not_returned(h);
  }
  apprehension_probability_ = levers_.apprehension_probability;
  if (levers_.detention_beds != detention_.beds()) {
    detention_.set_beds(levers_.detention_beds);
    admit_waiting_for_detention();
  }
  // Processing agents of days without ports (with ports, start_port_day adds the officers
  // moved from them).
  if (spec_.ports.crossings.empty()) {
    for (int s = 0; s < kSectorCount; ++s) {
      auto& pool = sectors_[static_cast<std::size_t>(s)].processing;
      for (UnitHandle next :
           pool.set_servers(levers_.processing_agents[static_cast<std::size_t>(s)])) {
        start_processing(next);
      }
    }
  }
}

void World::observe_triggers(std::int64_t southwest_encounters) {
  for (std::optional<TriggerState>& t : triggers_) {
    if (t) t->observe(static_cast<double>(southwest_encounters));
  }
}

int World::policy_sector(const Unit& u) const {
  if (!is_port(u.sector)) return u.sector;
  return spec_.ports.crossings[static_cast<std::size_t>(u.sector - kSectorCount)].sector;
}

const RemainInMexico* World::remain_in_mexico_of(const Unit& u) const {
  if (u.policy < 0) return nullptr;
  return std::get_if<RemainInMexico>(&spec_.policies[static_cast<std::size_t>(u.policy)].lever);
}

bool World::enroll_in_remain_in_mexico(UnitHandle h, std::size_t sector) {
  const int p = levers_.remain_in_mexico[sector];
  if (p == kNoPolicy) return false;
  const auto& rmx = std::get<RemainInMexico>(spec_.policies[static_cast<std::size_t>(p)].lever);
  Unit& u = units_[h];
  if (!rmx.demographics[static_cast<std::size_t>(index_of(u.demographic))] ||
      !rmx.citizenships[static_cast<std::size_t>(index_of(u.citizenship))]) {
    return false;
  }
  std::int64_t& enrolled = enrolled_today_[static_cast<std::size_t>(p)];
  if (enrolled + u.size > rmx.acceptance_per_day) return false;
  enrolled += u.size;
  u.policy = static_cast<std::int8_t>(p);
  u.step = CustodyStep::kAwaitingReturn;
  remain_in_mexico_returns_.push_back(h);
  return true;
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
      cross(h);
      break;
    case kEncounter:
      encounter(h);
      break;
    case kArriveFacility:
      arrive_at_facility(h);
      break;
    case kProcessed:
      finish_processing(h);
      break;
    case kRelease:
      release_from_custody(h);
      break;
    case kIceTransfer:
      transfer_to_detention(h);
      break;
    case kBedWaitTimeout:
      bed_wait_timeout(h);
      break;
    case kDetentionDecided:
      detention_decided(h);
      break;
    case kOrrTransfer:
      transfer_to_orr(h);
      break;
    case kOrrRelease:
      orr_release(h);
      break;
    case kRecross:
      recross(h);
      break;
    case kReturnBatch:
      return_batch(static_cast<int>(e.payload));
      break;
    case kFlightDay:
      flight_day();
      break;
    case kPresentAtPort:
      present_at_port(h);
      break;
  }
}

void World::emit_day(DayObserver& observer) {
  DayReport report;
  report.day_index = day_;
  report.date = spec_.start_date + day_;
  const engine::SimTime now = sim_.now();
  const engine::SimTime standard = spec_.processing.custody_standard;

  std::vector<std::int64_t> over_standard(sectors_.size(), 0);
  std::int64_t awaiting_bed = 0;
  for (const Unit& u : units_.slots()) {
    if (u.state != UnitState::kInCustody) continue;
    if (now - u.custody_start > standard) over_standard[u.sector] += u.size;
    if (u.step == CustodyStep::kAwaitingBed) awaiting_bed += u.size;
  }

  std::int64_t southwest_encounters = 0;
  for (int s = 0; s < kSectorCount; ++s) {
    SectorState& st = sectors_[static_cast<std::size_t>(s)];
    const std::int64_t capacity = levers_.holding_capacity[static_cast<std::size_t>(s)];
    SectorDay& out = report.sectors[static_cast<std::size_t>(s)];
    out = st.today;
    southwest_encounters += st.today.encounters;
    out.custody_time = st.custody_time.summary();
    out.in_custody = st.in_custody;
    out.over_capacity = std::max<std::int64_t>(0, st.in_custody - capacity);
    out.held_over_72h = over_standard[static_cast<std::size_t>(s)];
    out.awaiting_processing = st.awaiting_processing;
    out.holding_capacity = capacity;
    out.processing_agents = st.processing.servers();
    out.agents_on_patrol = spec_.sectors[static_cast<std::size_t>(s)].agents_on_patrol;
    st.today = SectorDay{};
    st.custody_time.clear();
  }

  report.ports = port_days_;
  for (std::size_t c = 0; c < report.ports.size(); ++c) {
    SectorState& st = sectors_[kSectorCount + c];
    PortDay& out = report.ports[c];
    out.encounters = st.today.encounters;
    out.appointments = appointments_today_[c];
    out.processed = st.today.processed;
    out.in_custody = st.in_custody;
    out.released = st.today.released;
    out.returned_to_mexico = st.today.returned_to_mexico;
    out.transferred_to_ice = st.today.transferred_to_ice;
    out.transferred_to_orr = st.today.transferred_to_orr;
    st.today = SectorDay{};
    st.custody_time.clear();
    appointments_today_[c] = 0;
  }
  update_triggered_closures();
  report.policies_in_force = in_force_;
  observe_triggers(southwest_encounters);

  SystemDay& sys = report.system;
  sys.custody_time = southwest_custody_time_.summary();
  southwest_custody_time_.clear();
  sys.detention_population = states_.in_detention;  // beds in transfer are not yet filled
  sys.detention_beds = detention_.beds();
  sys.detention_book_ins = system_today_.detention_book_ins;
  sys.detention_releases = system_today_.detention_releases;
  sys.removals_by_destination = system_today_.removals;
  sys.awaiting_detention_bed = awaiting_bed;
  sys.orr_population = states_.in_orr;
  sys.orr_beds = orr_.beds();
  sys.orr_releases = system_today_.orr_releases;
  sys.waiting_in_mexico = states_.waiting_in_mexico;
  sys.states = states_;
  system_today_ = SystemFlows{};

  observer.on_day(report);
}

// ---------------------------------------------------------------------------------------
// Crossing, encounter, gotaway

void World::cross(UnitHandle h) {
  Unit& u = units_[h];
  SectorDay& today = sectors_[u.sector].today;
  states_.waiting_in_mexico -= u.size;
  states_.crossing += u.size;
  u.state = UnitState::kCrossing;
  today.crossings += u.size;
  if (u.attempt > 0) today.repeat_crossings += u.size;

  RandomStream surrender = stream(purpose(Purpose::kSurrender), u);
  RandomStream delay = stream(purpose(Purpose::kEncounterDelay), u);
  if (surrender.uniform() < spec_.arrivals.surrender_probability[index_of(u.demographic)]) {
    sim_.schedule_in(draw_duration(spec_.apprehension.surrender_wait, delay), kEncounter, h);
    return;
  }
  RandomStream caught = stream(purpose(Purpose::kApprehension), u);
  if (caught.uniform() < apprehension_probability_[u.sector]) {
    sim_.schedule_in(draw_duration(spec_.apprehension.delay, delay), kEncounter, h);
    return;
  }
  today.gotaways += u.size;
  states_.crossing -= u.size;
  finish_unit(h, &StateCounts::got_away);
}

void World::encounter(UnitHandle h) {
  Unit& u = units_[h];
  SectorState& st = sectors_[u.sector];
  st.today.encounters += u.size;
  st.today.encounters_by_demographic[index_of(u.demographic)] += u.size;
  st.today.encounters_by_citizenship[index_of(u.citizenship)] += u.size;
  states_.crossing -= u.size;
  states_.in_custody += u.size;
  st.in_custody += u.size;
  st.awaiting_processing += u.size;
  u.state = UnitState::kInCustody;
  u.step = CustodyStep::kToFacility;
  u.custody_start = sim_.now();
  const auto day = static_cast<int>(sim_.now() / kMinutesPerDay);
  u.title42 = expelled_under_title42(u, spec_.start_date + day, day);
  RandomStream rs = stream(purpose(Purpose::kTransport), u);
  sim_.schedule_in(draw_duration(spec_.processing.transport, rs), kArriveFacility, h);
}

// ---------------------------------------------------------------------------------------
// Processing

void World::arrive_at_facility(UnitHandle h) {
  Unit& u = units_[h];
  u.step = CustodyStep::kAwaitingProcessing;
  if (sectors_[u.sector].processing.arrive(h, processing_class(u.demographic))) {
    start_processing(h);
  }
}

void World::start_processing(UnitHandle h) {
  Unit& u = units_[h];
  u.step = CustodyStep::kInProcessing;
  // A Title 42 expulsion is a short form, not a Title 8 case.
  const DurationSpec& per_person = u.title42
                                       ? spec_.processing.title42_service_time
                                       : spec_.processing.service_time[index_of(u.demographic)];
  // A family is one case: agent time adds up over its members.
  const DurationSpec unit_time{per_person.mean * u.size, per_person.cv};
  RandomStream rs = stream(purpose(Purpose::kService), u);
  sim_.schedule_in(std::max<engine::SimTime>(1, draw_duration(unit_time, rs)), kProcessed, h);
}

void World::finish_processing(UnitHandle h) {
  Unit& u = units_[h];
  SectorState& st = sectors_[u.sector];
  st.awaiting_processing -= u.size;
  st.today.processed += u.size;
  if (auto next = st.processing.finish()) start_processing(*next);
  decide_disposition(h);
}

// ---------------------------------------------------------------------------------------
// Dispositions (docs/model.md, "Dispositions")

void World::decide_disposition(UnitHandle h) {
  Unit& u = units_[h];
  const DispositionSpec& rules = spec_.dispositions;
  u.step_start = sim_.now();

  // Title 42: expelled to Mexico through the channel (and daily capacity) of Mexican
  // returns, whatever the citizenship: Mexico took back its nationals and, under Title 42,
  // Guatemalans, Hondurans, Salvadorans and later Venezuelans and others the same way.
  if (u.title42) {
    u.step = CustodyStep::kAwaitingReturn;
    mexican_returns_.push_back(h);
    return;
  }
  if (u.demographic == Demographic::kUnaccompaniedChild) {
    if (u.citizenship == Citizenship::kMexico && rules.repatriate_mexican_children) {
      u.step = CustodyStep::kAwaitingReturn;
      mexican_returns_.push_back(h);
    } else {
      request_orr_bed(h);
    }
    return;
  }
  if (u.appointment && spec_.ports.parole_appointments) {
    u.step = CustodyStep::kAwaitingRelease;
    RandomStream delay = stream(purpose(Purpose::kDispositionDelay), u);
    sim_.schedule_in(draw_duration(rules.release_delay, delay), kRelease, h);
    return;
  }
  if (u.citizenship == Citizenship::kMexico) {
    u.step = CustodyStep::kAwaitingReturn;
    mexican_returns_.push_back(h);
    return;
  }

  RandomStream rs = stream(purpose(Purpose::kDisposition), u);
  const double accepted = rs.uniform();
  // Mexico takes back non-Mexicans of the accepted nationalities, up to its daily intake;
  // the queue holds at most one day's intake, beyond which people take the usual path.
  if (levers_.non_mexican_returns_per_day > 0 &&
      accepted < levers_.mexico_accepts_share[index_of(u.citizenship)] &&
      non_mexican_queue_people_ + u.size <= levers_.non_mexican_returns_per_day) {
    u.step = CustodyStep::kAwaitingReturn;
    non_mexican_returns_.push_back(h);
    non_mexican_queue_people_ += u.size;
    return;
  }
  decide_not_returned(h);
}

void World::decide_not_returned(UnitHandle h) {
  Unit& u = units_[h];
  RandomStream rs = stream(purpose(Purpose::kDisposition), u);
  rs.uniform();  // decide_disposition's draw for Mexico's acceptance
  const double expedited = rs.uniform();
  const auto sector = static_cast<std::size_t>(policy_sector(u));
  const auto demographic = static_cast<std::size_t>(index_of(u.demographic));
  // Without catch-and-release, nobody the law lets the government hold is released for
  // lack of a bed: they wait in custody for one however long it takes.
  const bool family = u.demographic != Demographic::kSingleAdult;
  const int no_release = levers_.end_catch_and_release[sector];
  const bool held = no_release != kNoPolicy &&
                    !(family && std::get<EndCatchAndRelease>(
                                    spec_.policies[static_cast<std::size_t>(no_release)].lever)
                                    .release_families);
  if (expedited < levers_.expedited_removal_share[sector][demographic]) {
    u.policy = static_cast<std::int8_t>(levers_.removal_policy[sector][demographic]);
    u.hold_for_bed = held;
    request_detention_bed(h);
    return;
  }
  // Everyone below would be released with a Notice to Appear or on parole.
  if (enroll_in_remain_in_mexico(h, sector)) return;
  if (held) {
    u.hold_for_bed = true;
    request_detention_bed(h);
    return;
  }
  u.step = CustodyStep::kAwaitingRelease;
  RandomStream delay = stream(purpose(Purpose::kDispositionDelay), u);
  sim_.schedule_in(draw_duration(spec_.dispositions.release_delay, delay), kRelease, h);
}

bool World::expelled_under_title42(const Unit& u, util::Date date, int share_day) const {
  if (!spec_.dispositions.title42_end || is_port(u.sector)) return false;
  const double share =
      arrivals_.title42_share(share_day, u.sector, cell_of(u.demographic, u.citizenship));
  const double p = title42_expulsion_probability(spec_.dispositions, share, date);
  if (p <= 0.0) return false;
  RandomStream rs = stream(purpose(Purpose::kTitle42), u);
  return rs.uniform() < p;
}

void World::leave_custody(UnitHandle h) {
  Unit& u = units_[h];
  SectorState& st = sectors_[u.sector];
  st.custody_time.add(sim_.now() - u.custody_start, u.size);
  if (!is_port(u.sector)) southwest_custody_time_.add(sim_.now() - u.custody_start, u.size);
  st.in_custody -= u.size;
  states_.in_custody -= u.size;
}

void World::finish_unit(UnitHandle h, std::int64_t StateCounts::*terminal) {
  states_.*terminal += units_[h].size;
  units_.release(h);
}

void World::release_from_custody(UnitHandle h) {
  Unit& u = units_[h];
  leave_custody(h);
  sectors_[u.sector].today.released += u.size;
  finish_unit(h, &StateCounts::released);
}

void World::return_batch(int batch) {
  const DispositionSpec& rules = spec_.dispositions;
  const int batches = static_cast<int>(rules.return_batch_times.size());
  auto run = [&](std::deque<UnitHandle>& queue, std::int64_t capacity, bool non_mexican) {
    while (!queue.empty() && units_[queue.front()].size <= capacity) {
      const UnitHandle h = queue.front();
      queue.pop_front();
      capacity -= units_[h].size;
      if (non_mexican) non_mexican_queue_people_ -= units_[h].size;
      return_to_mexico(h);
    }
  };
  run(mexican_returns_, batch_share(rules.mexican_returns_per_day, batch, batches), false);
  run(non_mexican_returns_, batch_share(levers_.non_mexican_returns_per_day, batch, batches), true);
  // Remain in Mexico: Mexico's daily acceptance already limited who was enrolled.
  while (!remain_in_mexico_returns_.empty()) {
    const UnitHandle h = remain_in_mexico_returns_.front();
    remain_in_mexico_returns_.pop_front();
    return_to_mexico(h);
  }
}

void World::return_to_mexico(UnitHandle h) {
  Unit& u = units_[h];
  leave_custody(h);
  SectorDay& today = sectors_[u.sector].today;
  const RemainInMexico* awaiting_hearing = remain_in_mexico_of(u);
  // At ports, PortDay has no such column: enrollees there count as returned to Mexico.
  if (awaiting_hearing != nullptr && !is_port(u.sector)) {
    today.remain_in_mexico += u.size;
  } else {
    (u.title42 ? today.title42_expulsions : today.returned_to_mexico) += u.size;
  }
  // Title 42 carried no penalty for trying again: expelled people have their own probability.
  const double recross = awaiting_hearing != nullptr
                             ? awaiting_hearing->recross_probability
                             : (u.title42 ? spec_.recrossing.title42_probability
                                          : spec_.recrossing.probability)[index_of(u.citizenship)];
  RandomStream rs = stream(purpose(Purpose::kRecross), u);
  if (rs.uniform() < recross) {
    const engine::SimTime delay = draw_duration(spec_.recrossing.delay, rs);
    u.state = UnitState::kWaitingInMexico;
    states_.waiting_in_mexico += u.size;
    ++u.attempt;
    sim_.schedule_in(delay, kRecross, h);
    return;
  }
  finish_unit(h, &StateCounts::in_mexico);
}

void World::recross(UnitHandle h) {
  Unit& u = units_[h];
  // Someone returned after presenting at a port tries again between ports, in the sector the
  // crossing lies in (assumption, docs/model.md).
  if (is_port(u.sector)) {
    u.sector = static_cast<std::uint8_t>(
        spec_.ports.crossings[static_cast<std::size_t>(u.sector - kSectorCount)].sector);
    u.appointment = false;
  }
  // A new attempt: whatever policy routed the last one decides nothing now.
  u.policy = -1;
  u.hold_for_bed = false;
  cross(h);
}

// ---------------------------------------------------------------------------------------
// Expedited removal through ICE detention

void World::request_detention_bed(UnitHandle h) {
  Unit& u = units_[h];
  u.step = CustodyStep::kAwaitingBed;
  u.step_start = sim_.now();
  detention_.waiting().push_back(h);
  admit_waiting_for_detention();
  if (u.step == CustodyStep::kAwaitingBed && !u.hold_for_bed) {
    sim_.schedule_in(spec_.dispositions.max_wait_for_bed, kBedWaitTimeout, h);
  }
}

void World::admit_waiting_for_detention() {
  auto& waiting = detention_.waiting();
  while (!waiting.empty()) {
    const UnitHandle h = waiting.front();
    if (!units_.is_live(h) || units_[h].step != CustodyStep::kAwaitingBed ||
        units_[h].state != UnitState::kInCustody) {
      waiting.pop_front();  // gave up waiting (released) earlier
      continue;
    }
    Unit& u = units_[h];
    if (!detention_.fits(u.size)) break;
    waiting.pop_front();
    detention_.occupy(u.size);
    u.step = CustodyStep::kTransferring;
    RandomStream rs = stream(purpose(Purpose::kDispositionDelay), u);
    sim_.schedule_in(draw_duration(spec_.dispositions.ice_transfer_delay, rs), kIceTransfer, h);
  }
}

void World::bed_wait_timeout(UnitHandle h) {
  if (!units_.is_live(h)) return;
  const Unit& u = units_[h];
  if (u.state != UnitState::kInCustody || u.step != CustodyStep::kAwaitingBed) return;
  release_from_custody(h);  // its waiting-list entry is now stale and skipped
}

void World::transfer_to_detention(UnitHandle h) {
  Unit& u = units_[h];
  leave_custody(h);
  sectors_[u.sector].today.transferred_to_ice += u.size;
  system_today_.detention_book_ins += u.size;
  states_.in_detention += u.size;
  u.state = UnitState::kInDetention;
  RandomStream rs = stream(purpose(Purpose::kDetention), u);
  sim_.schedule_in(draw_duration(spec_.detention.length_of_stay, rs), kDetentionDecided, h);
}

void World::detention_decided(UnitHandle h) {
  Unit& u = units_[h];
  // Under an entry suspension, the fear screening has its own (higher) bar.
  const EntrySuspension* suspension =
      u.policy < 0
          ? nullptr
          : std::get_if<EntrySuspension>(&spec_.policies[static_cast<std::size_t>(u.policy)].lever);
  const double passes = suspension != nullptr ? suspension->screen_pass_share
                                              : spec_.detention.credible_fear_positive_share;
  RandomStream rs = stream(purpose(Purpose::kCredibleFear), u);
  if (rs.uniform() < passes) {
    detention_.vacate(u.size);
    states_.in_detention -= u.size;
    system_today_.detention_releases += u.size;
    finish_unit(h, &StateCounts::released);
    admit_waiting_for_detention();
    return;
  }
  u.step_start = sim_.now();
  flight_queues_[index_of(u.citizenship)].push_back(h);
}

void World::flight_day() {
  const engine::SimTime now = sim_.now();
  for (int c = 0; c < kCitizenshipCount; ++c) {
    auto& queue = flight_queues_[static_cast<std::size_t>(c)];
    std::int64_t seats = spec_.detention.flight_seats_per_week[static_cast<std::size_t>(c)];
    while (!queue.empty() && units_[queue.front()].size <= seats) {
      const UnitHandle h = queue.front();
      queue.pop_front();
      const std::int64_t people = units_[h].size;
      seats -= people;
      detention_.vacate(people);
      states_.in_detention -= people;
      system_today_.removals[static_cast<std::size_t>(c)] += people;
      finish_unit(h, &StateCounts::removed);
    }
    // Those who have waited too long for a seat are released with a Notice to Appear.
    while (!queue.empty() &&
           now - units_[queue.front()].step_start > spec_.detention.max_wait_for_flight) {
      const UnitHandle h = queue.front();
      queue.pop_front();
      const std::int64_t people = units_[h].size;
      detention_.vacate(people);
      states_.in_detention -= people;
      system_today_.detention_releases += people;
      finish_unit(h, &StateCounts::released);
    }
  }
  admit_waiting_for_detention();
}

// ---------------------------------------------------------------------------------------
// Unaccompanied children to ORR

void World::request_orr_bed(UnitHandle h) {
  Unit& u = units_[h];
  u.step = CustodyStep::kAwaitingOrrBed;
  u.step_start = sim_.now();
  orr_.waiting().push_back(h);
  admit_waiting_for_orr();
}

void World::admit_waiting_for_orr() {
  auto& waiting = orr_.waiting();
  while (!waiting.empty() && orr_.fits(units_[waiting.front()].size)) {
    const UnitHandle h = waiting.front();
    waiting.pop_front();
    Unit& u = units_[h];
    orr_.occupy(u.size);
    u.step = CustodyStep::kTransferring;
    RandomStream rs = stream(purpose(Purpose::kDispositionDelay), u);
    sim_.schedule_in(draw_duration(spec_.orr.transfer_delay, rs), kOrrTransfer, h);
  }
}

void World::transfer_to_orr(UnitHandle h) {
  Unit& u = units_[h];
  leave_custody(h);
  sectors_[u.sector].today.transferred_to_orr += u.size;
  states_.in_orr += u.size;
  u.state = UnitState::kInOrr;
  RandomStream rs = stream(purpose(Purpose::kOrrStay), u);
  sim_.schedule_in(draw_duration(spec_.orr.length_of_stay, rs), kOrrRelease, h);
}

void World::orr_release(UnitHandle h) {
  Unit& u = units_[h];
  orr_.vacate(u.size);
  states_.in_orr -= u.size;
  system_today_.orr_releases += u.size;
  finish_unit(h, &StateCounts::released);
  admit_waiting_for_orr();
}

// ---------------------------------------------------------------------------------------
// Ports of entry

void World::start_port_day(int day) {
  const PortsSpec& ports = spec_.ports;
  if (ports.crossings.empty()) return;
  const util::Date date = spec_.start_date + day;
  std::vector<PortTraffic::CrossingState> state(ports.crossings.size());
  for (std::size_t c = 0; c < ports.crossings.size(); ++c) {
    state[c].traffic_officers = ports.crossings[c].traffic_officers;
  }
  // Officers moved to Border Patrol processing: fewer lanes here, more servers there.
  PerSector<double> extra_processing{};
  std::vector<double> moved(ports.crossings.size(), 0.0);
  for (const RedeploymentSpec& r : ports.redeployments) {
    if (date < r.first_day || date > r.last_day) continue;
    const auto c = static_cast<std::size_t>(r.crossing);
    const double officers = std::min(r.officers, state[c].traffic_officers);
    state[c].traffic_officers -= officers;
    moved[c] += officers;
    extra_processing[static_cast<std::size_t>(r.sector)] += officers;
  }
  for (int s = 0; s < kSectorCount; ++s) {
    const int servers = levers_.processing_agents[static_cast<std::size_t>(s)] +
                        static_cast<int>(std::floor(extra_processing[static_cast<std::size_t>(s)]));
    for (UnitHandle next : sectors_[static_cast<std::size_t>(s)].processing.set_servers(servers)) {
      start_processing(next);
    }
  }
  for (std::size_t i = 0; i < ports.closures.size(); ++i) {
    const ClosureSpec& cl = ports.closures[i];
    const bool active =
        cl.scheduled ? (date >= cl.first_day && date <= cl.last_day) : closure_triggered_[i];
    if (!active) continue;
    for (int m = 0; m < kModeCount; ++m) {
      if (cl.modes[static_cast<std::size_t>(m)]) {
        state[static_cast<std::size_t>(cl.crossing)].closed[static_cast<std::size_t>(m)] = true;
      }
    }
  }
  for (std::size_t c = 0; c < ports.crossings.size(); ++c) {
    for (std::size_t m = 0; m < kModeCount; ++m) {
      if (levers_.closed[c][m]) state[c].closed[m] = true;
    }
  }
  for (const SlowdownSpec& slow : ports.slowdowns) {
    if (date < slow.first_day || date > slow.last_day) continue;
    for (int m = 0; m < kModeCount; ++m) {
      if (slow.modes[static_cast<std::size_t>(m)]) {
        state[static_cast<std::size_t>(slow.crossing)].speed[static_cast<std::size_t>(m)] *=
            slow.factor;
      }
    }
  }
  traffic_.run_day(day, replication_, state, port_days_);
  for (std::size_t c = 0; c < ports.crossings.size(); ++c) {
    port_days_[c].crossing = ports.crossings[c].key;
    port_days_[c].officers_redeployed = moved[c];
  }
  generate_port_people(day);
}

void World::generate_port_people(int day) {
  const PortsSpec& ports = spec_.ports;
  const engine::AliasTable demographics(ports.people_demographic_share);
  const engine::AliasTable citizenships(ports.people_citizenship_share);
  const engine::AliasTable family_sizes(arrivals_.family_size_weights());
  const engine::SimTime day_start = day * kMinutesPerDay;
  double cumulative_share = 0.0;
  const auto quota = static_cast<double>(levers_.appointments_per_day);
  for (std::size_t c = 0; c < ports.crossings.size(); ++c) {
    const CrossingSpec& crossing = ports.crossings[c];
    const int station = kSectorCount + static_cast<int>(c);
    // The day's quota split over crossings in whole people that add up exactly.
    const auto before = static_cast<std::int64_t>(std::floor(cumulative_share * quota + 1e-9));
    cumulative_share += crossing.appointment_share;
    const auto after = static_cast<std::int64_t>(std::floor(cumulative_share * quota + 1e-9));
    RandomStream count(spec_.seed, replication_, purpose(Purpose::kPortPeople),
                       sector_day_identity(day, station));
    const std::int64_t others = engine::poisson(count, crossing.inadmissibles_per_day);
    std::int64_t appointments = after - before;
    for (int kind = 0; kind < 2; ++kind) {
      std::int64_t people = kind == 0 ? appointments : others;
      for (std::uint64_t k = 0; people > 0; ++k) {
        const std::uint64_t id = arrival_identity(day, station, 40 + kind, k);
        RandomStream rs(spec_.seed, replication_, purpose(Purpose::kPortPeople), id);
        const auto d = static_cast<Demographic>(demographics.sample(rs));
        const auto cz = static_cast<Citizenship>(citizenships.sample(rs));
        std::int64_t size = d == Demographic::kFamilyUnitMember ? family_sizes.sample(rs) : 1;
        size = std::min(size, people);
        people -= size;
        const UnitHandle h =
            new_unit(id, station, cell_of(d, cz), static_cast<std::uint16_t>(size));
        units_[h].appointment = kind == 0;
        // Appointments are kept 08:00-17:00; others present at any hour.
        const double minute = kind == 0 ? 8 * 60 + rs.uniform() * 9 * 60
                                        : rs.uniform() * static_cast<double>(kMinutesPerDay);
        sim_.schedule_at(day_start + static_cast<engine::SimTime>(minute), kPresentAtPort, h);
      }
    }
  }
}

void World::present_at_port(UnitHandle h) {
  Unit& u = units_[h];
  SectorState& st = sectors_[u.sector];
  st.today.encounters += u.size;
  if (u.appointment)
    appointments_today_[static_cast<std::size_t>(u.sector - kSectorCount)] += u.size;
  states_.waiting_in_mexico -= u.size;
  states_.in_custody += u.size;
  st.in_custody += u.size;
  st.awaiting_processing += u.size;
  u.state = UnitState::kInCustody;
  u.custody_start = sim_.now();
  arrive_at_facility(h);
}

void World::update_triggered_closures() {
  const PortsSpec& ports = spec_.ports;
  for (std::size_t i = 0; i < ports.closures.size(); ++i) {
    const ClosureSpec& cl = ports.closures[i];
    if (cl.scheduled) continue;
    const std::int64_t custody = sectors_[static_cast<std::size_t>(cl.trigger_sector)].in_custody;
    if (!closure_triggered_[i] && custody > cl.custody_above) closure_triggered_[i] = true;
    if (closure_triggered_[i] && custody <= cl.custody_below) closure_triggered_[i] = false;
  }
}

}  // namespace bf::model
