// The stack protector's canary value: chosen once at boot from the hardware random number
// generator or, on CPUs without one, from the time-stamp counter. Pure, so host tests can
// check the rules the value follows.
#pragma once

#include <cstdint>

#include "libk/result/optional.h"

namespace kernel::stack_protector {

// Where the canary came from.
enum class GuardSource : std::uint8_t {
  kRdrand,           // The CPU's random number generator: not guessable.
  kTimeStampCounter  // No RDRAND: cycles since reset, spread over 64 bits; guessable
                     // within a boot-time window, but still stops accidental smashing.
};

struct StackGuard {
  std::uint64_t value = 0;
  GuardSource source = GuardSource::kTimeStampCounter;
};

// Chooses the canary: `random` when the generator delivered one, else the bits of `tsc`
// spread by a bijective mixer. The lowest byte is always 0, so a runaway string copy stops
// at it (it cannot copy the canary over itself); the value is never 0.
StackGuard ChooseStackGuard(libk::Optional<std::uint64_t> random, std::uint64_t tsc);

}  // namespace kernel::stack_protector
