// CPU identification (CPUID) and the hardware random number generator (RDRAND): both only
// read, and neither can break memory safety. The typed wrappers are in
// libk/arch/x86_64/random.h.
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// The four registers CPUID returns.
struct CpuidResult {
  std::uint32_t eax = 0;
  std::uint32_t ebx = 0;
  std::uint32_t ecx = 0;
  std::uint32_t edx = 0;
};

// Returns CPUID leaf `leaf`, subleaf `subleaf`. Safe: it only reads identification
// registers, and every x86_64 CPU has the instruction (boot/entry32.S checked it).
inline CpuidResult Cpuid(std::uint32_t leaf, std::uint32_t subleaf) {
  CpuidResult result;
  asm volatile("cpuid"
               : "=a"(result.eax), "=b"(result.ebx), "=c"(result.ecx), "=d"(result.edx)
               : "a"(leaf), "c"(subleaf));
  return result;
}

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
