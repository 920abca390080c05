// Instantiates the paging templates under the kernel's compiler flags (freestanding,
// -nostdinc), so the bare-metal build catches any dependency on the hosted standard
// library. The QEMU self-test (tests/integration:paging_selftest) runs the same code.
#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/cr3.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"
#include "libk/containers/span.h"
#include "libk/fmt/format.h"
#include "libk/result/optional.h"

namespace libk::x86_64::paging {
namespace {

// Hands out the frames after `next_` up to `end_`, and never takes any back.
class BumpFrames {
 public:
  BumpFrames(PhysFrame<Size4KiB> first, std::uint64_t count) : next_(first), left_(count) {}
  Optional<PhysFrame<Size4KiB>> AllocateFrame() {
    if (left_ == 0) return kNone;
    --left_;
    const PhysFrame<Size4KiB> frame = next_;
    next_ = next_ + 1;
    return frame;
  }
  void DeallocateFrame(PhysFrame<Size4KiB> /*frame*/) {}

 private:
  PhysFrame<Size4KiB> next_;
  std::uint64_t left_;
};

template <PageSize S>
std::uint64_t MapTranslateUnmap(Mapper<SimulatedPhysicalMemory>& mapper, BumpFrames& frames,
                                std::uint64_t address) {
  const Page<S> page = Page<S>::Containing(VirtAddr::NewTruncate(address));
  const PhysFrame<S> frame = PhysFrame<S>::Containing(PhysAddr::NewTruncate(address));
  // SAFETY: simulated page tables; no code runs on these mappings.
  auto mapped = mapper.MapTo(page, frame, PageTableFlag::kWritable, frames);
  if (mapped.is_error()) return static_cast<std::uint64_t>(mapped.error());
  mapped.value().Ignore();
  // SAFETY: as above.
  mapper.UpdateFlags(page, PageTableFlag::kNoExecute).UnwrapOrPanic().Ignore();
  const std::uint64_t translated =
      mapper.TranslateAddr(page.StartAddress()).ValueOr(PhysAddr()).value();
  // SAFETY: as above.
  mapper.Unmap(page, frames).UnwrapOrPanic().flush.Ignore();
  return translated;
}

}  // namespace

// Maps, translates and unmaps a page of each size in `tables` (at least 8) standing for
// the frames from physical `base`; formats the last translation into `buffer`.
std::uint64_t KernelPagingInstantiations(PageTable* tables, std::uint64_t count, std::uint64_t base,
                                         std::uint64_t address, char* buffer, std::uint64_t size) {
  // SAFETY: the caller passes `count` tables at `tables` that outlive this call.
  const Span<PageTable> span(tables, count);
  const auto first = PhysFrame<Size4KiB>::Containing(PhysAddr::NewTruncate(base));
  SimulatedPhysicalMemory memory(span, first);
  BumpFrames frames(first + 1, count - 1);
  memory.TableAt(first).Zero();
  Mapper<SimulatedPhysicalMemory> mapper(first, memory);
  std::uint64_t sum = MapTranslateUnmap<Size4KiB>(mapper, frames, address);
  sum += MapTranslateUnmap<Size2MiB>(mapper, frames, address);
  sum += MapTranslateUnmap<Size1GiB>(mapper, frames, address);
  const auto translation = mapper.Translate(VirtAddr::NewTruncate(address));
  if (translation.is_error()) {
    // SAFETY: the caller passes `size` writable bytes at `buffer`.
    FormatTo(buffer, size, "{} ({})", translation.error(), Cr3::Decode(sum));
  }
  return sum;
}

}  // namespace libk::x86_64::paging
