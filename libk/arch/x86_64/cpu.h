// Safe wrappers over CPU instructions that cannot break memory safety on their own:
// halting, the time-stamp counter, spin-loop hints.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/raw/io.h"

namespace libk::x86_64 {

// Halts until the next interrupt.
inline void Halt() { raw::Hlt(); }

// Disables interrupts and halts for good.
[[noreturn]] inline void HaltForever() {
  for (;;) {
    // SAFETY: nothing runs after this point, so nothing can wait for an interrupt.
    raw::Cli();
    raw::Hlt();
  }
}

// Returns the time-stamp counter.
inline std::uint64_t ReadTimeStampCounter() { return raw::Rdtsc(); }

// Tells the CPU that the caller is spinning.
inline void SpinLoopHint() { raw::Pause(); }

}  // namespace libk::x86_64
