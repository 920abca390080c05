// Invalidating the TLB: the whole of it (by reloading CR3 with its own value) or one page
// (invlpg). Neither changes a mapping, so neither can break memory safety; they only make
// the CPU forget translations it cached.
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// Flushes every non-global TLB entry by writing CR3's current value back to it.
// Safe: the page tables stay the same; the CPU only re-reads them.
inline void ReloadCr3() {
  asm volatile(
      "mov %%cr3, %%rax\n\t"
      "mov %%rax, %%cr3"
      :
      :
      : "rax", "memory");
}

// Invalidates the TLB entry for the page containing `address`, and the paging-structure
// caches, on this CPU.
// Safe: invalidation only makes the CPU re-read the page tables.
inline void Invlpg(std::uint64_t address) {
  asm volatile("invlpg (%0)" : : "r"(address) : "memory");
}

}  // namespace libk::x86_64::raw
