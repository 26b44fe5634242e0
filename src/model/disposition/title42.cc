#include "model/disposition/title42.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "model/custody/custody_station.h"
#include "model/encounter_rates.h"

namespace bf::model {

bool expelled_under_title42(const Unit& u, const DispositionSpec& dispositions,
                            const ArrivalGenerator& arrivals, int share_day, util::Date date,
                            engine::RandomStream& title42_stream) {
  if (!dispositions.title42_end || is_port_station(u.station)) return false;
  const double share =
      arrivals.title42_share(share_day, u.station, cell_of(u.demographic, u.citizenship));
  const double p = title42_expulsion_probability(dispositions, share, date);
  if (p <= 0.0) return false;
  return title42_stream.uniform() < p;
}

bool expelled_when_encountered(const Unit& u, const ModelSpec& spec,
                               const ArrivalGenerator& arrivals, engine::SimTime encountered_at,
                               engine::RandomStream& title42_stream) {
  const auto day = static_cast<std::int64_t>(
      std::floor(static_cast<double>(encountered_at) / engine::kMinutesPerDay));
  const auto share_day = static_cast<int>(std::max<std::int64_t>(0, day));
  return expelled_under_title42(u, spec.dispositions, arrivals, share_day, spec.start_date + day,
                                title42_stream);
}

}  // namespace bf::model
