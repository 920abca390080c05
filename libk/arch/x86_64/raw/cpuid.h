// The CPUID instruction: processor identification and feature bits.
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// The four registers CPUID returns.
struct CpuidRegisters {
  std::uint32_t eax = 0;
  std::uint32_t ebx = 0;
  std::uint32_t ecx = 0;
  std::uint32_t edx = 0;
};

// Returns CPUID leaf `leaf`, sub-leaf `subleaf`.
// Safe: CPUID only reads identification registers. (A leaf above the maximum returns the
// data of the highest basic leaf, so callers check the maximum first; see
// libk/arch/x86_64/cpuid.h.)
inline CpuidRegisters Cpuid(std::uint32_t leaf, std::uint32_t subleaf) {
  CpuidRegisters out;
  asm volatile("cpuid"
               : "=a"(out.eax), "=b"(out.ebx), "=c"(out.ecx), "=d"(out.edx)
               : "a"(leaf), "c"(subleaf));
  return out;
}

}  // namespace libk::x86_64::raw
