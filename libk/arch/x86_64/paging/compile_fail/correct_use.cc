// The correct uses next to each compile-fail snippet of this directory: they compile.
#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"
#include "libk/arch/x86_64/paging/testing/pool_frame_allocator.h"
#include "libk/arch/x86_64/paging/testing/simulated_ram.h"

using namespace libk::x86_64::paging;  // NOLINT(google-build-using-namespace)

int main() {
  testing::SimulatedRam ram(PhysFrame<Size4KiB>::Containing(PhysAddr::New(0x100000)), 8);
  testing::PoolFrameAllocator pool(ram.View());
  const auto root = pool.AllocateFrame().value();
  ram.View().TableAt(root).Zero();
  Mapper<SimulatedPhysicalMemory> mapper(root, ram.View());
  // Same size on both sides.
  const auto page = Page<Size2MiB>::Containing(VirtAddr::New(0x200000));
  const auto frame = PhysFrame<Size2MiB>::FromStartAddress(PhysAddr::New(0x200000)).value();
  // SAFETY: simulated page tables; no code runs on these mappings.
  mapper.MapTo(page, frame, PageTableFlag::kWritable, pool).value().Flush();
  // The token is used by name.
  // SAFETY: as above.
  mapper.UpdateFlags(page, PageTableFlag::kNoExecute).UnwrapOrPanic().Ignore();
  // An unaligned address goes through the checks.
  const bool refused = PhysFrame<Size2MiB>::FromStartAddress(PhysAddr::New(0x201000)).is_error();
  const auto rounded = PhysFrame<Size2MiB>::Containing(PhysAddr::New(0x201000));
  // SAFETY: as above.
  mapper.Unmap(page, pool).value().flush.Ignore();
  return refused && rounded == frame ? 0 : 1;
}
