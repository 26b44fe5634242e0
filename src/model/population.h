#pragma once
// Who crosses: CBP's demographic and citizenship categories, and the nine Southwest
// Border Patrol sectors. Plain enums and name tables; no behaviour.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace bf::model {

// CBP's four demographic categories (Southwest Land Border Encounters data file).
enum class Demographic : std::uint8_t {
  kSingleAdult,
  kFamilyUnitMember,  // CBP "FMUA": individuals in a family unit
  kUnaccompaniedChild,
  kAccompaniedMinor,
};
inline constexpr int kDemographicCount = 4;

// CBP's citizenship grouping in the same file. Also the destination groups of removals.
enum class Citizenship : std::uint8_t { kMexico, kGuatemala, kHonduras, kElSalvador, kOther };
inline constexpr int kCitizenshipCount = 5;

// The nine Southwest Border Patrol sectors, west to east.
inline constexpr int kSectorCount = 9;

// Scenario spellings (snake_case) and CBP's display names.
inline constexpr std::array<std::string_view, kDemographicCount> kDemographicKeys = {
    "single_adult", "family_unit_member", "unaccompanied_child", "accompanied_minor"};
inline constexpr std::array<std::string_view, kCitizenshipCount> kCitizenshipKeys = {
    "mexico", "guatemala", "honduras", "el_salvador", "other"};
inline constexpr std::array<std::string_view, kSectorCount> kSectorKeys = {
    "san_diego", "el_centro", "yuma",   "tucson",           "el_paso",
    "big_bend",  "del_rio",   "laredo", "rio_grande_valley"};
inline constexpr std::array<std::string_view, kSectorCount> kSectorNames = {
    "San Diego", "El Centro", "Yuma",   "Tucson",           "El Paso",
    "Big Bend",  "Del Rio",   "Laredo", "Rio Grande Valley"};

template <typename T>
using PerDemographic = std::array<T, kDemographicCount>;
template <typename T>
using PerCitizenship = std::array<T, kCitizenshipCount>;
template <typename T>
using PerSector = std::array<T, kSectorCount>;

constexpr int index_of(Demographic d) { return static_cast<int>(d); }
constexpr int index_of(Citizenship c) { return static_cast<int>(c); }

// Lookups by scenario key; nullopt when the key is not one of ours.
std::optional<Demographic> demographic_from_key(std::string_view key);
std::optional<Citizenship> citizenship_from_key(std::string_view key);
std::optional<int> sector_from_key(std::string_view key);

}  // namespace bf::model
