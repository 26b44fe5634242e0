#pragma once
// The Title 42 expulsion decision (docs/model.md, "Dispositions"): a pure function of the
// unit, the disposition settings, the arrival table's Title 42 shares, the date and the
// unit attempt's Purpose::kTitle42 stream. Decided at the encounter (the processing time of
// an expulsion is the short form's); carried out by decide_disposition.

#include "engine/random_stream.h"
#include "engine/sim_time.h"
#include "model/arrival_generator.h"
#include "model/model_spec.h"
#include "model/unit.h"
#include "util/date.h"

namespace bf::model {

// Whether this attempt of `u`, encountered on `date`, is expelled under Title 42, with the
// arrival table's share of the unit's sector-cell in the month of `share_day` (day index;
// the initial state reads the first month's). The probability is
// title42_expulsion_probability of that share on `date`: none without a Title 42 end date,
// never at ports of entry. Draws one number from `title42_stream` only when the probability
// is positive.
bool expelled_under_title42(const Unit& u, const DispositionSpec& dispositions,
                            const ArrivalGenerator& arrivals, int share_day, util::Date date,
                            engine::RandomStream& title42_stream);

// The same for someone encountered at minute `encountered_at` of the run: on that day's date,
// with the share of that day's month — the first month's for someone encountered before the
// first day (negative minutes: the initial state).
bool expelled_when_encountered(const Unit& u, const ModelSpec& spec,
                               const ArrivalGenerator& arrivals, engine::SimTime encountered_at,
                               engine::RandomStream& title42_stream);

}  // namespace bf::model
