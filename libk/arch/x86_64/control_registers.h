// Safe reads of the control registers that interrupt handlers report: CR2 (the address of
// the last page fault) and CR3 (the page-table root).
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/raw/control_registers.h"

namespace libk::x86_64 {

// Returns the linear address whose access caused the most recent page fault. Meaningful
// in a page-fault handler (and in a double-fault handler, when a page fault led to it),
// before anything else can fault.
inline std::uint64_t ReadCr2() { return raw::ReadCr2(); }

// Returns the physical address of the active top-level page table (CR3 without its flag
// bits).
inline std::uint64_t ReadPageTableRoot() { return raw::ReadCr3() & ~std::uint64_t{0xfff}; }

}  // namespace libk::x86_64
