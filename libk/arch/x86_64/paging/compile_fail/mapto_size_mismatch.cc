// A 4 KiB page mapped to a 2 MiB frame: the page size is part of both types, so MapTo's
// single size parameter cannot be deduced.
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"
#include "libk/arch/x86_64/paging/testing/pool_frame_allocator.h"

using namespace libk::x86_64::paging;  // NOLINT(google-build-using-namespace)

void MapMismatched(Mapper<SimulatedPhysicalMemory>& mapper, testing::PoolFrameAllocator& pool) {
  const auto page = Page<Size4KiB>::Containing(VirtAddr::New(0x1000));
  const auto frame = PhysFrame<Size2MiB>::Containing(PhysAddr::New(0x200000));
  mapper.MapTo(page, frame, PageTableFlag::kWritable, pool).value().Ignore();
}
