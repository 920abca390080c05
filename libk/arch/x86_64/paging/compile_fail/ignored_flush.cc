// A mapping change whose TLB flush token is thrown away: TlbFlush is [[nodiscard]], so
// the token must be flushed or ignored by name.
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"

using namespace libk::x86_64::paging;  // NOLINT(google-build-using-namespace)

void ReflagAndForget(Mapper<SimulatedPhysicalMemory>& mapper) {
  const auto page = Page<Size4KiB>::Containing(VirtAddr::New(0x1000));
  mapper.UpdateFlags(page, PageTableFlag::kNoExecute).UnwrapOrPanic();
}
