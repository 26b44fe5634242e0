#include "model/disposition/title42.h"

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

}  // namespace bf::model
