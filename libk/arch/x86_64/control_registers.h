// Safe reads of the control registers that paging and the interrupt handlers use: CR2
// (the address of the last page fault) and CR3 (the page-table root and its flags).
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/paging/cr3.h"
#include "libk/arch/x86_64/raw/control_registers.h"

namespace libk::x86_64 {

// Returns the linear address whose access caused the most recent page fault. Meaningful
// in a page-fault handler (and in a double-fault handler, when a page fault led to it),
// before anything else can fault.
inline std::uint64_t ReadCr2() { return raw::ReadCr2(); }

// Returns the active page-table root: the P4 table's frame and CR3's flags. Writing CR3
// is unsafe and lives in raw/address_space.h.
inline paging::Cr3 ReadCr3() { return paging::Cr3::Decode(raw::ReadCr3()); }

}  // namespace libk::x86_64
