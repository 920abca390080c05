// Reading the control registers (CR0, CR2, CR3, CR4) and model-specific registers.
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// Variables written by inline-asm output operands look never-modified to the check.
// NOLINTBEGIN(misc-const-correctness)

// Returns CR0 (protection, paging, write protection, cache control).
// Safe: it only reads a register.
inline std::uint64_t ReadCr0() {
  std::uint64_t value = 0;
  asm volatile("mov %%cr0, %0" : "=r"(value));
  return value;
}

// Returns CR4 (PAE, global pages, SSE enables, ...).
// Safe: it only reads a register.
inline std::uint64_t ReadCr4() {
  std::uint64_t value = 0;
  asm volatile("mov %%cr4, %0" : "=r"(value));
  return value;
}

// Returns model-specific register `msr`.
// Safety: `msr` must exist on this CPU, or rdmsr raises #GP; the caller must know it does
// (architectural MSRs such as EFER exist on every x86_64 CPU).
inline std::uint64_t ReadMsr(std::uint32_t msr) {
  std::uint32_t low = 0;
  std::uint32_t high = 0;
  asm volatile("rdmsr" : "=a"(low), "=d"(high) : "c"(msr));
  return (static_cast<std::uint64_t>(high) << 32) | low;
}

// Writes `value` to model-specific register `msr`.
// Safety: `msr` must exist and accept `value`; MSRs control paging (EFER.NXE), system
// call entry points and more, so the caller must know the write keeps every invariant
// the kernel relies on.
inline void WriteMsr(std::uint32_t msr, std::uint64_t value) {
  asm volatile("wrmsr"
               :
               : "c"(msr), "a"(static_cast<std::uint32_t>(value)),
                 "d"(static_cast<std::uint32_t>(value >> 32))
               : "memory");
}

// Returns CR2, the linear address whose access caused the most recent page fault.
// Safe: it only reads a register.
inline std::uint64_t ReadCr2() {
  std::uint64_t value = 0;
  asm volatile("mov %%cr2, %0" : "=r"(value));
  return value;
}

// Returns CR3: the physical address of the top-level page table, plus flag bits.
// Safe: it only reads a register.
inline std::uint64_t ReadCr3() {
  std::uint64_t value = 0;
  asm volatile("mov %%cr3, %0" : "=r"(value));
  return value;
}

// NOLINTEND(misc-const-correctness)

}  // namespace libk::x86_64::raw
