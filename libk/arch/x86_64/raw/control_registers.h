// Reading the control registers the interrupt code needs: CR2 (the address of the last
// page fault) and CR3 (the page-table root).
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

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

}  // namespace libk::x86_64::raw
