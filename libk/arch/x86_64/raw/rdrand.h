// The hardware random number generator (RDRAND): it only reads, and cannot break memory
// safety. The typed wrapper, which checks CPUID first, is libk/arch/x86_64/random.h.
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// Asks RDRAND for 64 random bits; returns false (and leaves `out` 0) when the generator
// had none ready, which callers answer by retrying a few times. Safe: it only reads the
// generator. On a CPU without RDRAND (CPUID.01H:ECX bit 30 clear) it raises #UD, which
// panics; callers check CPUID first.
inline bool Rdrand64(std::uint64_t& out) {
  std::uint8_t ok = 0;  // NOLINT(misc-const-correctness): written by the asm statement.
  asm volatile("rdrand %0; setc %1" : "=r"(out), "=qm"(ok) : : "cc");
  if (ok == 0) out = 0;
  return ok != 0;
}

}  // namespace libk::x86_64::raw
