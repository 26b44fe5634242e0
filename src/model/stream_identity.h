#pragma once
// Stable 64-bit identities of the things random streams are keyed by. They depend only on
// what a thing is (which day, sector, cell, index), never on when or in what order the
// simulation created it.
//
//   bits 63..40  day + 1 (0 is reserved for the initial state)
//   bits 39..30  sector (room for 1024)
//   bits 29..24  cell: demographic × citizenship (0..19), or 32 + kind for initial state
//   bits 23..0   index within the day and cell (16.7 million)

#include <cstdint>

namespace bf::model {

constexpr std::uint64_t sector_day_identity(int day, int sector) {
  return (static_cast<std::uint64_t>(day + 1) << 40) | (static_cast<std::uint64_t>(sector) << 30);
}
constexpr std::uint64_t cell_day_identity(int day, int sector, int cell) {
  return sector_day_identity(day, sector) | (static_cast<std::uint64_t>(cell) << 24);
}
constexpr std::uint64_t arrival_identity(int day, int sector, int cell, std::uint64_t index) {
  return cell_day_identity(day, sector, cell) | (index & 0xFFFFFF);
}

enum class InitialKind : int { kInCustody = 0, kInDetention = 1, kInOrr = 2, kWaiting = 3 };
constexpr std::uint64_t initial_identity(InitialKind kind, int sector, std::uint64_t index) {
  return (static_cast<std::uint64_t>(sector) << 30) |
         (static_cast<std::uint64_t>(32 + static_cast<int>(kind)) << 24) | (index & 0xFFFFFF);
}

// The identity of a unit's n-th attempt (n = 0 is the unit itself). splitmix64 of the pair:
// distinct from every first-attempt identity except with probability ~2^-64.
constexpr std::uint64_t attempt_identity(std::uint64_t identity, int attempt) {
  if (attempt == 0) return identity;
  std::uint64_t z = identity + 0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(attempt);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace bf::model
