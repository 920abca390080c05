// The CPU's hardware random number generator (RDRAND), for seeds that should not be
// guessable: the stack protector's canary.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/raw/cpuid.h"
#include "libk/arch/x86_64/raw/rdrand.h"
#include "libk/result/optional.h"

namespace libk::x86_64 {

// Returns whether the CPU has RDRAND (CPUID.01H:ECX bit 30).
inline bool HasRdrand() { return (raw::Cpuid(1, 0).ecx & (1U << 30)) != 0; }

// Returns 64 bits from RDRAND, asking up to `attempts` times while the generator reports
// none ready (Intel suggests ten; a generator that stays empty that long is broken); or
// nothing if it never delivered or the CPU has no RDRAND.
inline Optional<std::uint64_t> HardwareRandom64(int attempts = 10) {
  if (!HasRdrand()) return kNone;
  for (int i = 0; i < attempts; ++i) {
    std::uint64_t value = 0;
    if (raw::Rdrand64(value)) return value;
  }
  return kNone;
}

}  // namespace libk::x86_64
