// Arithmetic for measuring the timer (pure, host-tested): the TSC's frequency from a PIT
// countdown of known length, and an event rate from a count of events over TSC cycles.
// Products are taken in 128 bits; the division is done by hand, because the kernel has no
// compiler runtime for 128-bit division (__udivti3).
#pragma once

#include <cstdint>

#include "kernel/time/pit_divisor.h"

namespace kernel::time {

inline constexpr std::uint64_t kMaxU64 = ~std::uint64_t{0};

// Returns floor(n / divisor), or kMaxU64 if that does not fit in 64 bits. `divisor` > 0.
constexpr std::uint64_t DivideSaturating(unsigned __int128 n, std::uint64_t divisor) {
  const auto high = static_cast<std::uint64_t>(n >> 64);
  if (high >= divisor) return kMaxU64;  // The quotient needs more than 64 bits.
  // Long division of the low 64 bits, with the high part as the starting remainder.
  unsigned __int128 remainder = high;
  const auto low = static_cast<std::uint64_t>(n);
  std::uint64_t quotient = 0;
  for (int bit = 63; bit >= 0; --bit) {
    remainder = (remainder << 1) | ((low >> bit) & 1);
    quotient <<= 1;
    if (remainder >= divisor) {
      remainder -= divisor;
      quotient |= 1;
    }
  }
  return quotient;
}

// Returns the TSC frequency in Hz, given that `cycles` TSC cycles passed while the PIT
// counted `pit_counts` periods of its input clock (kPitInputHz), rounded down; 0 if
// pit_counts is 0.
constexpr std::uint64_t TscHzFromPitCountdown(std::uint64_t cycles, std::uint32_t pit_counts) {
  if (pit_counts == 0) return 0;
  return DivideSaturating(static_cast<unsigned __int128>(cycles) * kPitInputHz, pit_counts);
}

// Returns the rate in millihertz of `events` that took `cycles` cycles of a TSC running at
// `tsc_hz`, rounded to nearest; 0 if cycles is 0. Saturates at kMaxU64 (also when events
// exceeds kMaxU64 / 1000).
constexpr std::uint64_t RateMillihertz(std::uint64_t events, std::uint64_t cycles,
                                       std::uint64_t tsc_hz) {
  if (cycles == 0) return 0;
  std::uint64_t milli_events = 0;
  if (__builtin_mul_overflow(events, std::uint64_t{1000}, &milli_events)) return kMaxU64;
  // At most (2^64 - 1)^2 + 2^63 < 2^128: no overflow.
  const unsigned __int128 n =
      (static_cast<unsigned __int128>(milli_events) * tsc_hz) + (cycles / 2);
  return DivideSaturating(n, cycles);
}

// Returns whether `measured` lies within `percent` % of `expected` (inclusive).
constexpr bool WithinPercent(std::uint64_t measured, std::uint64_t expected,
                             std::uint32_t percent) {
  const std::uint64_t difference = measured > expected ? measured - expected : expected - measured;
  return static_cast<unsigned __int128>(difference) * std::uint64_t{100} <=
         static_cast<unsigned __int128>(expected) * std::uint64_t{percent};
}

}  // namespace kernel::time
