#include "model/disposition/disposition.h"

#include <variant>

#include "model/custody/custody_station.h"
#include "model/duration_draw.h"

namespace bf::model {

namespace {

// Mexico takes back non-Mexicans of the accepted nationalities, up to its daily intake; the
// queue holds at most one day's intake.
bool mexico_takes_back(const Unit& u, const DispositionContext& context, double accepted) {
  const DayLevers& levers = context.levers;
  return levers.non_mexican_returns_per_day > 0 &&
         accepted < levers.mexico_accepts_share[index_of(u.citizenship)] &&
         context.non_mexican_queued_people + u.size <= levers.non_mexican_returns_per_day;
}

Disposition non_mexican_return(double expedited) {
  Disposition d{DispositionKind::kNonMexicanReturn};
  d.expedited_draw = expedited;
  return d;
}

// The outcome-mix decision (see decide_disposition).
Disposition decide_from_mix(const Unit& u, const DispositionContext& context,
                            engine::RandomStream& disposition_stream) {
  const double outcome_draw = disposition_stream.uniform();
  const double accepted = disposition_stream.uniform();
  const double expedited = disposition_stream.uniform();
  const OutcomeShares& shares = context.spec.dispositions.outcome_mix.at(context.today)
                                    .shares[static_cast<std::size_t>(index_of(u.demographic))]
                                           [static_cast<std::size_t>(index_of(u.citizenship))];
  switch (draw_outcome(shares, outcome_draw)) {
    case Outcome::kToHhs:
      return {DispositionKind::kOrr};
    case Outcome::kToIce:
      return {DispositionKind::kIceTransfer};
    case Outcome::kReturned:
      if (u.citizenship == Citizenship::kMexico) return {DispositionKind::kMexicanReturn};
      // Mexico's intake of non-Mexicans is full today: released, as below.
      if (context.non_mexican_queued_people + u.size <=
          context.levers.non_mexican_returns_per_day) {
        return non_mexican_return(expedited);
      }
      break;
    case Outcome::kReleased:
      break;
  }
  if (u.citizenship != Citizenship::kMexico && mexico_takes_back(u, context, accepted)) {
    return non_mexican_return(expedited);
  }
  return decide_not_returned(u, context.spec, context.levers, context.policy_sector, expedited);
}

}  // namespace

Disposition decide_disposition(const Unit& u, const DispositionContext& context,
                               engine::RandomStream& disposition_stream) {
  const ModelSpec& spec = context.spec;
  // Title 42: expelled to Mexico through the channel (and daily capacity) of Mexican
  // returns, whatever the citizenship: Mexico took back its nationals and, under Title 42,
  // Guatemalans, Hondurans, Salvadorans and later Venezuelans and others the same way.
  if (u.title42) return {DispositionKind::kMexicanReturn};
  if (!spec.dispositions.outcome_mix.empty() && !is_port_station(u.station)) {
    return decide_from_mix(u, context, disposition_stream);
  }
  if (u.demographic == Demographic::kUnaccompaniedChild) {
    if (u.citizenship == Citizenship::kMexico && spec.dispositions.repatriate_mexican_children) {
      return {DispositionKind::kMexicanReturn};
    }
    return {DispositionKind::kOrr};
  }
  if (u.appointment && spec.ports.parole_appointments) return {DispositionKind::kRelease};
  if (u.citizenship == Citizenship::kMexico) return {DispositionKind::kMexicanReturn};

  const double accepted = disposition_stream.uniform();
  const double expedited = disposition_stream.uniform();
  // Beyond Mexico's intake people take the usual path.
  if (mexico_takes_back(u, context, accepted)) return non_mexican_return(expedited);
  return decide_not_returned(u, spec, context.levers, context.policy_sector, expedited);
}

Disposition decide_not_returned(const Unit& u, const ModelSpec& spec, const DayLevers& levers,
                                int policy_sector, double expedited) {
  const auto sector = static_cast<std::size_t>(policy_sector);
  const auto demographic = static_cast<std::size_t>(index_of(u.demographic));
  // Without catch-and-release, nobody the law lets the government hold is released for
  // lack of a bed: they wait in custody for one however long it takes.
  const bool family = u.demographic != Demographic::kSingleAdult;
  const int no_release = levers.end_catch_and_release[sector];
  const bool held = no_release != kNoPolicy &&
                    !(family && std::get<EndCatchAndRelease>(
                                    spec.policies[static_cast<std::size_t>(no_release)].lever)
                                    .release_families);
  if (expedited < levers.expedited_removal_share[sector][demographic]) {
    return {DispositionKind::kDetention, levers.removal_policy[sector][demographic], held};
  }
  // Everyone below would be released with a Notice to Appear or on parole.
  const int rmx = levers.remain_in_mexico[sector];
  if (rmx != kNoPolicy) {
    const auto& lever =
        std::get<RemainInMexico>(spec.policies[static_cast<std::size_t>(rmx)].lever);
    if (lever.demographics[demographic] &&
        lever.citizenships[static_cast<std::size_t>(index_of(u.citizenship))]) {
      return {DispositionKind::kRemainInMexico, rmx, held};
    }
  }
  if (held) return {DispositionKind::kDetention, kNoPolicy, true};
  return {DispositionKind::kRelease};
}

const RemainInMexico* remain_in_mexico_of(const Unit& u, const ModelSpec& spec) {
  if (u.policy < 0) return nullptr;
  return std::get_if<RemainInMexico>(&spec.policies[static_cast<std::size_t>(u.policy)].lever);
}

double recross_probability(const Unit& u, const ModelSpec& spec) {
  if (const RemainInMexico* awaiting_hearing = remain_in_mexico_of(u, spec)) {
    return awaiting_hearing->recross_probability;
  }
  return (u.title42 ? spec.recrossing.title42_probability
                    : spec.recrossing.probability)[index_of(u.citizenship)];
}

std::optional<engine::SimTime> minutes_to_recross(const Unit& u, const ModelSpec& spec,
                                                  engine::RandomStream& recross_stream) {
  if (recross_stream.uniform() >= recross_probability(u, spec)) return std::nullopt;
  return draw_duration(spec.recrossing.delay, recross_stream);
}

std::int64_t SectorDay::*return_flow(const Unit& u, const ModelSpec& spec) {
  if (remain_in_mexico_of(u, spec) != nullptr && !is_port_station(u.station)) {
    return &SectorDay::remain_in_mexico;
  }
  return u.title42 ? &SectorDay::title42_expulsions : &SectorDay::returned_to_mexico;
}

double screen_pass_share(const Unit& u, const ModelSpec& spec, util::Date decided) {
  if (u.policy >= 0) {
    const PolicyLever& lever = spec.policies[static_cast<std::size_t>(u.policy)].lever;
    if (const auto* suspension = std::get_if<EntrySuspension>(&lever)) {
      return suspension->screen_pass_share;
    }
    const auto* removal = std::get_if<ExpeditedRemoval>(&lever);
    if (removal != nullptr && removal->screen_pass_share) return *removal->screen_pass_share;
  }
  const OutcomeMix& mix = spec.dispositions.outcome_mix;
  return mix.empty() ? spec.detention.credible_fear_positive_share
                     : mix.at(decided).ice_release_share;
}

bool passes_fear_screening(const Unit& u, const ModelSpec& spec, util::Date decided,
                           engine::RandomStream& credible_fear_stream) {
  return credible_fear_stream.uniform() < screen_pass_share(u, spec, decided);
}

}  // namespace bf::model
