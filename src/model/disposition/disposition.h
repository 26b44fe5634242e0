#pragma once
// Where a processed unit goes (docs/model.md, "Dispositions"): a pure function of the unit,
// the levers in force, the spec and the unit's disposition stream. It decides; the World
// carries the decision out (queues, beds, events). The random numbers are drawn from the
// stream Purpose::kDisposition keyed by the unit's attempt: first Mexico's acceptance, then
// expedited removal — both drawn once, whichever branch is taken, so a later decision on
// the same attempt (Mexico's intake fell) reuses the same draw instead of re-drawing.

#include <cstdint>
#include <optional>

#include "engine/random_stream.h"
#include "engine/sim_time.h"
#include "model/day_levers.h"
#include "model/day_report.h"
#include "model/model_spec.h"
#include "model/unit.h"

namespace bf::model {

enum class DispositionKind : std::uint8_t {
  kMexicanReturn,     // the channel of Mexican returns (Mexicans, Title 42, Mexican children)
  kNonMexicanReturn,  // Mexico takes this non-Mexican back (non-Mexican returns channel)
  kOrr,               // unaccompanied child: an ORR bed
  kDetention,         // an ICE detention bed (expedited removal, or held for lack of release)
  kIceTransfer,       // handed to ICE (outcome mix): ICE books them into detention or releases
                      // them (ice_book_in_share)
  kRemainInMexico,    // a candidate for Remain in Mexico, if the policy's daily acceptance allows
  kRelease,           // released with a Notice to Appear or on parole after release_delay
};

struct Disposition {
  DispositionKind kind = DispositionKind::kRelease;
  // kDetention: the entry suspension whose screening applies in detention, or kNoPolicy.
  // kRemainInMexico: the Remain in Mexico policy to enroll under.
  int policy = kNoPolicy;
  // kDetention: waits in custody for a bed however long it takes (no release at
  // dispositions.max_wait_for_bed). kRemainInMexico: if not enrolled, held for a bed in this
  // way instead of released.
  bool hold_for_bed = false;
  // kNonMexicanReturn: the expedited-removal draw, for decide_not_returned should the unit
  // leave the queue (Mexico's intake fell).
  double expedited_draw = 0.0;
};

// What a decision needs besides the unit and its stream.
struct DispositionContext {
  const ModelSpec& spec;
  const DayLevers& levers;
  int policy_sector;                       // the sector whose policies apply to the unit
  std::int64_t non_mexican_queued_people;  // people already queued for Mexico's intake
  util::Date today;                        // the day of the decision (the mix's month)
};

// The disposition of `u` at the end of its processing. `disposition_stream` is the unit
// attempt's Purpose::kDisposition stream, fresh.
//
// With an outcome mix (spec.dispositions.outcome_mix) a unit in a Border Patrol sector that
// Title 42 does not expel draws its outcome from the mix of its month, demographic and
// citizenship: returned (Mexicans through the Mexican channel, others through Mexico's
// intake of non-Mexicans while it has room, else as if released), to ICE (kIceTransfer), to
// HHS (kOrr) or released. The policies in force then act on the people the mix releases:
// Mexico's acceptance of non-Mexicans, expedited removal, Remain in Mexico and the end of
// catch-and-release, as for the rules below. Three numbers are drawn, always in this order:
// the outcome, Mexico's acceptance, expedited removal. At ports of entry, and without a mix,
// the rules decide (docs/model.md, "Dispositions").
Disposition decide_disposition(const Unit& u, const DispositionContext& context,
                               engine::RandomStream& disposition_stream);

// The disposition of a non-Mexican adult or family Mexico does not take back: expedited
// removal, Remain in Mexico, held for a bed (no catch-and-release) or released. `expedited`
// is the attempt's expedited-removal draw (uniform on [0, 1)).
Disposition decide_not_returned(const Unit& u, const ModelSpec& spec, const DayLevers& levers,
                                int policy_sector, double expedited);

// The Remain in Mexico policy that enrolled this attempt of `u`, or nullptr.
const RemainInMexico* remain_in_mexico_of(const Unit& u, const ModelSpec& spec);

// P(someone returned to Mexico crosses again): an enrollee's policy decides; Title 42
// carried no penalty for trying again, so expelled people have their own probability.
double recross_probability(const Unit& u, const ModelSpec& spec);

// Minutes until someone returned to Mexico crosses again (recrossing.delay), or nullopt if
// they do not try again: one draw against recross_probability, then the delay, both from the
// attempt's Purpose::kRecross stream.
std::optional<engine::SimTime> minutes_to_recross(const Unit& u, const ModelSpec& spec,
                                                  engine::RandomStream& recross_stream);

// Today's flow of the station a return of `u` to Mexico counts in: remain_in_mexico for a
// Remain in Mexico enrollee returned between ports (PortDay has no such column: at ports
// enrollees count as returned), title42_expulsions for an expulsion, returned_to_mexico
// otherwise.
std::int64_t SectorDay::*return_flow(const Unit& u, const ModelSpec& spec);

// P(someone whose case ICE decides on `decided` is released rather than ordered removed):
// the month's ice_release_share of the outcome mix, or detention's
// credible_fear_positive_share without one; under an entry suspension, or an
// expedited-removal policy with its own screen, that policy's bar.
double screen_pass_share(const Unit& u, const ModelSpec& spec, util::Date decided);
// Whether someone decided in ICE detention on `decided` is released: one draw from the
// attempt's Purpose::kCredibleFear stream against screen_pass_share.
bool passes_fear_screening(const Unit& u, const ModelSpec& spec, util::Date decided,
                           engine::RandomStream& credible_fear_stream);

}  // namespace bf::model
