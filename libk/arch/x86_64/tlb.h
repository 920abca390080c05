// Safe TLB maintenance: flushing the whole TLB (FlushTlb) or one page (FlushPage). A flush
// never changes a mapping; it only makes the CPU re-read the page tables, so it needs no
// safety contract. Mapping changes come with TlbFlush tokens (paging/tlb_flush.h) whose
// Flush() calls FlushPage.
#pragma once

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/raw/tlb.h"

namespace libk::x86_64 {

// Flushes every non-global TLB entry on this CPU (reloads CR3 with its own value).
inline void FlushTlb() { raw::ReloadCr3(); }

// Flushes the TLB entry of the page that contains `address` on this CPU, with the
// paging-structure caches.
inline void FlushPage(paging::VirtAddr address) { raw::Invlpg(address.value()); }

}  // namespace libk::x86_64
