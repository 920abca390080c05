// Planted raw header: one documented unsafe function, one documented safe function, and
// one function with no safety paragraph (a violation).
#pragma once

namespace libk::x86_64::raw {

// Disables interrupts.
// Safety: the caller must re-enable them.
inline void Cli() { asm volatile("cli"); }

// Halts until the next interrupt. Safe: changes no state.
inline void Hlt() { asm volatile("hlt"); }

// Reads the time-stamp counter.
inline unsigned long long Rdtsc() { return __builtin_ia32_rdtsc(); }

}  // namespace libk::x86_64::raw
