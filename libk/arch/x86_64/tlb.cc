// The kernel's definition of the paging types' TLB hook: invlpg.
#include "libk/arch/x86_64/tlb.h"

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/internal/invalidate.h"

namespace libk::x86_64::paging::internal {

void InvalidateTlbEntry(VirtAddr address) { FlushPage(address); }

}  // namespace libk::x86_64::paging::internal
