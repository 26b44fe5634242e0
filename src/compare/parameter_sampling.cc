#include "compare/parameter_sampling.h"

#include "engine/random_stream.h"
#include "model/random_purpose.h"

namespace bf::compare {

std::uint64_t path_identity(std::string_view path) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a 64-bit offset basis
  for (const char c : path) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;  // FNV-1a 64-bit prime
  }
  return hash;
}

double parameter_quantile(std::uint64_t seed, int replication, std::string_view path) {
  engine::RandomStream stream(seed, static_cast<std::uint32_t>(replication),
                              static_cast<std::uint8_t>(model::Purpose::kParameterSample),
                              path_identity(path));
  return stream.uniform();
}

std::vector<std::pair<std::string, std::string>> sample_parameters(
    const std::vector<scenario::UncertainParameter>& ranges, std::uint64_t seed, int replication) {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(ranges.size());
  for (const scenario::UncertainParameter& p : ranges) {
    out.emplace_back(p.path, p.value_at(parameter_quantile(seed, replication, p.path)));
  }
  return out;
}

}  // namespace bf::compare
