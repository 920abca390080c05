// Switching address spaces: writing CR3 (and CR4, whose paging bits change every access). This
// header is its own target
// (//libk/arch/x86_64/raw:address_space) with a visibility narrower than the rest of
// raw/: only the code that builds and activates the kernel's page tables may depend on it.
// Flushing the TLB needs no CR3 write with a new value (raw/tlb.h reloads it in place).
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/paging/cr3.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"

namespace libk::x86_64::raw {

// Makes the P4 table in `root` the active address space, with `flags`, and flushes every
// non-global TLB entry.
// Safety: `root` must hold a valid P4 table whose tree maps everything the CPU touches
// from the next instruction on (this code, the stack, the IDT, GDT and TSS, interrupt
// handlers and their stacks, every object still in use) at the same virtual addresses and
// with sufficient permissions, and the tree must stay valid while it is active.
inline void WriteCr3(paging::PhysFrame<paging::Size4KiB> root, paging::Cr3Flags flags) {
  const std::uint64_t value = paging::Cr3::Encode(root, flags);
  asm volatile("mov %0, %%cr3" : : "r"(value) : "memory");
}

// Writes CR4 (PAE, global pages, SMEP, SMAP, ...). Lives here, next to WriteCr3, because
// its paging bits change what every access is allowed to do.
// Safety: `value` must keep PAE on (long mode needs it), must not turn on a feature the
// CPU lacks (#GP), and the kernel must be ready for what it turns on: with SMEP it never
// executes a user page, with SMAP it never touches one, with PGE its global mappings are
// the same in every address space.
inline void WriteCr4(std::uint64_t value) {
  asm volatile("mov %0, %%cr4" : : "r"(value) : "memory");
}

}  // namespace libk::x86_64::raw
