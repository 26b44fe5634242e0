#pragma once
// Counter-based random streams (Philox4x32-10 from Random123). A stream is identified by
// (seed, replication, purpose, entity) and nothing else: the same identity gives the same
// numbers whatever was drawn before, in whatever order entities were created, on whatever
// thread. This is what makes runs reproducible across thread counts and gives common random
// numbers when two scenarios are compared.
//
// Layout of Philox's 128-bit counter and 64-bit key:
//   key     = the 64-bit seed
//   ctr[0]  = block index within the stream (each block yields four 32-bit words)
//   ctr[1..2] = the 64-bit entity identity
//   ctr[3]  = replication (24 bits) << 8 | purpose (8 bits)
// so two distinct identities can never share a block. A stream holds 2^32 blocks, i.e.
// 2^33 uniforms, far beyond what one entity needs.

#include <Random123/philox.h>

#include <array>
#include <cstdint>

namespace bf::engine {

inline constexpr std::uint32_t kMaxReplications = 1u << 24;

class RandomStream {
 public:
  // Preconditions: replication < kMaxReplications.
  RandomStream(std::uint64_t seed, std::uint32_t replication, std::uint8_t purpose,
               std::uint64_t entity) {
    key_ = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
    ctr_ = {{0u, static_cast<std::uint32_t>(entity), static_cast<std::uint32_t>(entity >> 32),
             (replication << 8) | purpose}};
  }

  // Next 32 random bits.
  std::uint32_t next_u32() {
    if (used_ == 4) refill();
    return block_[used_++];
  }

  // Uniform on the open interval (0, 1), 53 bits of resolution; never exactly 0 or 1, so
  // log(u) and log(1 - u) are always finite.
  double uniform() {
    const std::uint64_t hi = next_u32();
    const std::uint64_t lo = next_u32();
    const std::uint64_t bits = ((hi << 32) | lo) >> 11;  // 53 bits
    return (static_cast<double>(bits) + 0.5) * 0x1.0p-53;
  }

 private:
  void refill() {
    const r123::Philox4x32::ctr_type out = r123::Philox4x32()(ctr_, key_);
    for (int i = 0; i < 4; ++i) block_[i] = out.v[i];
    ++ctr_.v[0];
    used_ = 0;
  }

  r123::Philox4x32::ctr_type ctr_;
  r123::Philox4x32::key_type key_;
  std::array<std::uint32_t, 4> block_{};
  int used_ = 4;  // block_ is empty until the first draw
};

}  // namespace bf::engine
