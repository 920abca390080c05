// Reading CPUID on the running CPU: the raw registers of one leaf, and the decoded
// CpuInfo (features, address widths, vendor). CPUID changes nothing, so both are safe.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/cpu_features.h"
#include "libk/arch/x86_64/raw/cpuid.h"

namespace libk::x86_64 {

// Returns CPUID leaf `leaf`, sub-leaf `subleaf`. Leaves above the maximum (leaf 0's EAX,
// or 0x80000000's for extended leaves) return another leaf's data; ReadCpuInfo checks.
inline CpuidValues Cpuid(std::uint32_t leaf, std::uint32_t subleaf = 0) {
  const raw::CpuidRegisters registers = raw::Cpuid(leaf, subleaf);
  return CpuidValues{registers.eax, registers.ebx, registers.ecx, registers.edx};
}

// Returns what the running CPU reports about itself.
inline CpuInfo ReadCpuInfo() {
  CpuidLeaves leaves;
  leaves.leaf0 = Cpuid(0);
  const std::uint32_t max_basic = leaves.leaf0.eax;
  if (max_basic >= 1) leaves.leaf1 = Cpuid(1);
  if (max_basic >= 7) leaves.leaf7 = Cpuid(7, 0);
  leaves.extended0 = Cpuid(0x80000000U);
  const std::uint32_t max_extended = leaves.extended0.eax;
  if (max_extended >= 0x80000001U) leaves.extended1 = Cpuid(0x80000001U);
  if (max_extended >= 0x80000007U) leaves.extended7 = Cpuid(0x80000007U);
  if (max_extended >= 0x80000008U) leaves.extended8 = Cpuid(0x80000008U);
  return DecodeCpuid(leaves);
}

}  // namespace libk::x86_64
