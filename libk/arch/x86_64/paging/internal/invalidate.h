// The one TLB operation the paging types perform themselves: invalidating the entry of one
// page on this CPU. The build picks the definition: in the kernel it is invlpg
// (//libk/arch/x86_64:tlb); on the host it counts the calls (:host_invalidate), so tests
// can see that a flush token really flushes.
#pragma once

#include "libk/arch/x86_64/paging/addr.h"

namespace libk::x86_64::paging::internal {

// Invalidates the TLB entry (and the paging-structure caches) for `address` on this CPU.
void InvalidateTlbEntry(VirtAddr address);

}  // namespace libk::x86_64::paging::internal
