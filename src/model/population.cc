#include "model/population.h"

namespace bf::model {
namespace {
template <std::size_t N>
std::optional<int> find_key(const std::array<std::string_view, N>& keys, std::string_view key) {
  for (std::size_t i = 0; i < N; ++i) {
    if (keys[i] == key) return static_cast<int>(i);
  }
  return std::nullopt;
}
}  // namespace

std::optional<Demographic> demographic_from_key(std::string_view key) {
  auto i = find_key(kDemographicKeys, key);
  if (!i) return std::nullopt;
  return static_cast<Demographic>(*i);
}

std::optional<Citizenship> citizenship_from_key(std::string_view key) {
  auto i = find_key(kCitizenshipKeys, key);
  if (!i) return std::nullopt;
  return static_cast<Citizenship>(*i);
}

std::optional<int> sector_from_key(std::string_view key) { return find_key(kSectorKeys, key); }

}  // namespace bf::model
