#include "model/initial_state.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "engine/distributions.h"
#include "engine/random_stream.h"
#include "model/duration_draw.h"
#include "model/random_purpose.h"
#include "model/stream_identity.h"

namespace bf::model {
using engine::RandomStream;

std::vector<InitialUnit> initial_state(const ModelSpec& spec, const ArrivalGenerator& arrivals,
                                       std::uint32_t replication) {
  using Where = InitialUnit::Where;
  std::vector<InitialUnit> out;
  const auto initial_stream = [&](std::uint64_t id) {
    return RandomStream(spec.seed, replication, static_cast<std::uint8_t>(Purpose::kInitialState),
                        id);
  };
  // Detention: adults from the non-Mexican single-adult mix of the first month, nationally;
  // each is part-way through a stay (residual = uniform share of a fresh length of stay).
  {
    std::array<double, kCitizenshipCount> mix{};
    for (int s = 0; s < kSectorCount; ++s) {
      for (int c = 1; c < kCitizenshipCount; ++c) {
        mix[static_cast<std::size_t>(c)] += arrivals.crossers_per_day(
            0, s, cell_of(Demographic::kSingleAdult, static_cast<Citizenship>(c)));
      }
    }
    double total = 0.0;
    for (double m : mix) total += m;
    if (total <= 0.0) mix = {0.0, 1.0, 1.0, 1.0, 1.0};
    const engine::AliasTable citizenships(mix);
    for (int k = 0; k < spec.detention.initial_population; ++k) {
      const std::uint64_t id = initial_identity(InitialKind::kInDetention, 0, k);
      RandomStream rs = initial_stream(id);
      const int cell =
          cell_of(Demographic::kSingleAdult, static_cast<Citizenship>(citizenships.sample(rs)));
      out.push_back({Where::kInDetention, id, 0, cell, 1,
                     draw_residual_duration(spec.detention.length_of_stay, rs)});
    }
  }
  // ORR shelters: unaccompanied children part-way through their stay.
  for (int k = 0; k < spec.orr.initial_population; ++k) {
    const std::uint64_t id = initial_identity(InitialKind::kInOrr, 0, k);
    RandomStream rs = initial_stream(id);
    out.push_back({Where::kInOrr, id, 0,
                   cell_of(Demographic::kUnaccompaniedChild, Citizenship::kGuatemala), 1,
                   draw_residual_duration(spec.orr.length_of_stay, rs)});
  }
  const engine::SimTime standard = spec.processing.custody_standard;
  for (int s = 0; s < kSectorCount; ++s) {
    const auto mix = arrivals.cell_mix(0, s);
    const engine::AliasTable cells(mix);
    const SectorSpec& sector = spec.sectors[static_cast<std::size_t>(s)];
    // In custody: individuals already processed, held since up to 2/3 of the standard ago.
    for (int k = 0; k < sector.initial_in_custody; ++k) {
      const std::uint64_t id = initial_identity(InitialKind::kInCustody, s, k);
      RandomStream rs = initial_stream(id);
      const int cell = cells.sample(rs);
      const auto since =
          -static_cast<engine::SimTime>(rs.uniform() * (2.0 / 3.0) * static_cast<double>(standard));
      out.push_back({Where::kInCustody, id, s, cell, 1, since});
    }
    // Waiting in Mexico: exactly the stated number of people cross over the stated days.
    std::int64_t people_left = sector.initial_waiting_in_mexico;
    for (std::uint64_t k = 0; people_left > 0; ++k) {
      const std::uint64_t id = initial_identity(InitialKind::kWaiting, s, k);
      RandomStream rs = initial_stream(id);
      const int cell = cells.sample(rs);
      std::int64_t size = 1;
      if (demographic_of_cell(cell) == Demographic::kFamilyUnitMember) {
        size = std::llround(arrivals.mean_family_size());
      }
      size = std::min(size, people_left);
      people_left -= size;
      const auto when = static_cast<engine::SimTime>(
          rs.uniform() * static_cast<double>(sector.initial_waiting_days * engine::kMinutesPerDay));
      out.push_back({Where::kWaitingInMexico, id, s, cell, static_cast<std::uint16_t>(size), when});
    }
  }
  return out;
}

}  // namespace bf::model
