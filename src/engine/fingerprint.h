#pragma once
// A 64-bit digest of a sequence of events (time, kind, payload), as OMNeT++ does: two runs
// with the same fingerprint fired the same events in the same order. Any silent change of
// behaviour changes it. Not cryptographic; FNV-1a over 64-bit words with a final mix.

#include <cstdint>
#include <string>

namespace bf::engine {

class Fingerprint {
 public:
  void add(std::int64_t time, std::uint32_t kind, std::uint64_t payload) {
    mix(static_cast<std::uint64_t>(time));
    mix(kind);
    mix(payload);
  }
  void add_word(std::uint64_t w) { mix(w); }

  std::uint64_t value() const {
    // splitmix64 finaliser: spreads the last words' bits over the whole value.
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::string hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s(16, '0');
    std::uint64_t v = value();
    for (int i = 15; i >= 0; --i, v >>= 4) s[i] = kDigits[v & 0xf];
    return s;
  }

 private:
  void mix(std::uint64_t w) {
    state_ ^= w;
    state_ *= 0x100000001b3ULL;
  }
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace bf::engine
