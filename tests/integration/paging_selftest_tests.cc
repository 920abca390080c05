// The KTESTs of paging_selftest (see paging_selftest.cc).
#include <bit>
#include <cstdint>

#include "libk/arch/x86_64/control_registers.h"
#include "libk/arch/x86_64/cpuid.h"
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/cr3.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"
#include "libk/arch/x86_64/phys_window.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/address_space.h"
#include "libk/arch/x86_64/tlb.h"
#include "libk/containers/array_vec.h"
#include "libk/containers/span.h"
#include "libk/mm/bitmap_frame_allocator.h"
#include "libk/mm/usable_memory.h"
#include "libk/multiboot2/values.h"
#include "libk/panic/panic.h"

#include "boot/boot_constants.h"
#include "kernel/console/print.h"
#include "kernel/testing/ktest.h"
#include "tests/integration/paging_selftest.h"

namespace {

using namespace libk::x86_64::paging;  // NOLINT(google-build-using-namespace)
using libk::mm::BitmapFrameAllocator;
using libk::mm::PhysRange;
using libk::x86_64::PhysWindow;

const char* YesNo(bool value) { return value ? "yes" : "no"; }

// 64 frames of "RAM" in .bss, standing for physical memory at 64 GiB (no real memory
// there: only the mapper's tables live in it).
constexpr std::uint64_t kSimulatedFrames = 64;
constexpr std::uint64_t kSimulatedBase = std::uint64_t{64} << 30;
PageTable simulated_ram[kSimulatedFrames];
std::uint64_t simulated_bitmap[1];

KTEST(paging, maps_every_page_size_over_simulated_ram) {
  const auto base = PhysFrame<Size4KiB>::FromStartAddress(PhysAddr::New(kSimulatedBase)).value();
  const libk::multiboot2::MemoryRegion map[] = {
      {kSimulatedBase, kSimulatedFrames * 4096, libk::multiboot2::MemoryType::kAvailable}};
  const PhysRange root_range = {base.StartAddress(), 4096};
  BitmapFrameAllocator frames =
      BitmapFrameAllocator::Create(libk::Span<const libk::multiboot2::MemoryRegion>(map),
                                   libk::Span<const PhysRange>(&root_range, 1),
                                   PhysAddr::New(kSimulatedBase + (kSimulatedFrames * 4096)),
                                   [](FrameRange<Size4KiB> /*frames*/, std::size_t /*words*/) {
                                     return libk::Span<std::uint64_t>(simulated_bitmap);
                                   })
          .UnwrapOrPanic();
  const std::uint64_t free_before = frames.free_frames();
  const SimulatedPhysicalMemory memory(libk::Span<PageTable>(simulated_ram), base);
  memory.TableAt(base).Zero();
  Mapper<SimulatedPhysicalMemory> mapper(base, memory);

  const auto small = Page<Size4KiB>::Containing(VirtAddr::New(0xffff'8000'0000'1000));
  const auto large = Page<Size2MiB>::Containing(VirtAddr::New(0xffff'8000'0040'0000));
  const auto huge = Page<Size1GiB>::Containing(VirtAddr::New(0x40'0000'0000));
  // SAFETY: simulated page tables; no code runs on these mappings.
  mapper
      .MapTo(small, PhysFrame<Size4KiB>::Containing(PhysAddr::New(0x5000)),
             PageTableFlag::kWritable, frames)
      .UnwrapOrPanic()
      .Ignore();
  // SAFETY: as above.
  mapper.MapTo(large, PhysFrame<Size2MiB>::Containing(PhysAddr::New(0x20'0000)), {}, frames)
      .UnwrapOrPanic()
      .Ignore();
  // SAFETY: as above.
  mapper.MapTo(huge, PhysFrame<Size1GiB>::Containing(PhysAddr::New(0x4000'0000)), {}, frames)
      .UnwrapOrPanic()
      .Ignore();
  // Two P3 tables (P4 indices 256 and 0), one P2 and one P1 table shared by the small and
  // the large page.
  LIBK_ASSERT(frames.free_frames() == free_before - 4, "{} frames used for tables",
              free_before - frames.free_frames());
  const Translation translation = mapper.Translate(VirtAddr::New(0x40'1234'5678)).UnwrapOrPanic();
  LIBK_ASSERT(translation.address() == PhysAddr::New(0x5234'5678), "{}", translation);
  LIBK_ASSERT(mapper.Translate(small.StartAddress() + 0x10).UnwrapOrPanic().size ==
              PageSizeKind::k4KiB);
  kernel::kprintln("paging_selftest: {} -> {}", huge, translation);
  // SAFETY: as above.
  mapper.Unmap(small, frames).UnwrapOrPanic().flush.Ignore();
  // SAFETY: as above.
  mapper.Unmap(large, frames).UnwrapOrPanic().flush.Ignore();
  // SAFETY: as above.
  mapper.Unmap(huge, frames).UnwrapOrPanic().flush.Ignore();
  LIBK_ASSERT(frames.free_frames() == free_before, "{} table frames leaked",
              free_before - frames.free_frames());
}

KTEST(paging, cpu_features) {
  const libk::x86_64::CpuInfo info = libk::x86_64::ReadCpuInfo();
  using libk::x86_64::CpuFeature;
  kernel::kprintln("paging_selftest: CPU {}", info);
  kernel::kprintln("paging_selftest: 1 GiB pages: {}",
                   YesNo(info.features.Contains(CpuFeature::kPdpe1Gb)));
  kernel::kprintln("paging_selftest: SMEP: {}, SMAP: {}, PGE: {}",
                   YesNo(info.features.Contains(CpuFeature::kSmep)),
                   YesNo(info.features.Contains(CpuFeature::kSmap)),
                   YesNo(info.features.Contains(CpuFeature::kPge)));
  // The boot path refuses CPUs without these.
  LIBK_ASSERT(info.features.Contains(CpuFeature::kNx | CpuFeature::kLongMode | CpuFeature::kPae),
              "{}", info);
}

// A function in .text, to translate.
[[gnu::noinline]] int InText() { return 42; }
const int kInRodata = 7;

KTEST(paging, translates_the_kernel_through_the_boot_tables) {
  const Cr3 cr3 = libk::x86_64::ReadCr3();
  kernel::kprintln("paging_selftest: {}", cr3);
  const Mapper<PhysWindow> mapper(cr3.root, paging_selftest::BootWindow());
  // Reading a function's address as a number dereferences nothing (as in basic_boot).
  const auto text = VirtAddr::New(std::bit_cast<std::uintptr_t>(&InText));
  const Translation code = mapper.Translate(text).UnwrapOrPanic();
  kernel::kprintln("paging_selftest: .text {} -> {}", text, code);
  LIBK_ASSERT(code.address() == PhysAddr::New(text.value() - boot::kKernelVma), "{}", code);
  LIBK_ASSERT(code.size == PageSizeKind::k4KiB, "{}", code);
  LIBK_ASSERT(!code.flags.Intersects(PageTableFlag::kWritable | PageTableFlag::kNoExecute), "{}",
              code);
  const Translation rodata =
      mapper.Translate(VirtAddr::New(libk::x86_64::raw::AddressOf(&kInRodata))).UnwrapOrPanic();
  LIBK_ASSERT(rodata.flags.Contains(PageTableFlag::kNoExecute), "{}", rodata);
  LIBK_ASSERT(!rodata.flags.Contains(PageTableFlag::kWritable), "{}", rodata);
  // Above the first 4 MiB the boot map uses 2 MiB pages.
  const Translation high =
      mapper.Translate(VirtAddr::New(boot::kKernelVma + 0x3000'0123)).UnwrapOrPanic();
  LIBK_ASSERT(high.size == PageSizeKind::k2MiB, "{}", high);
  LIBK_ASSERT(high.address() == PhysAddr::New(0x3000'0123), "{}", high);
  LIBK_ASSERT(mapper.Translate(VirtAddr::New(0x1000)).error() == TranslateError::kNotMapped);
}

KTEST(paging, write_cr3_with_the_same_root_and_flushes) {
  const Cr3 cr3 = libk::x86_64::ReadCr3();
  // SAFETY: the same root as now: every mapping stays exactly as it is.
  libk::x86_64::raw::WriteCr3(cr3.root, cr3.flags);
  libk::x86_64::FlushTlb();
  libk::x86_64::FlushPage(VirtAddr::New(boot::kKernelVma));
  LIBK_ASSERT(libk::x86_64::ReadCr3() == cr3);
}

KTEST(paging, maps_a_fresh_page_in_the_live_tables) {
  BitmapFrameAllocator& frames = paging_selftest::Frames();
  const std::uint64_t free_before = frames.free_frames();
  const PhysWindow window = paging_selftest::BootWindow();
  Mapper<PhysWindow> mapper(libk::x86_64::ReadCr3().root, window);
  // P4 index 288: nothing is mapped there, so three tables are created.
  const auto page = Page<Size4KiB>::Containing(VirtAddr::New(0xffff'9000'0000'0000));
  const PhysFrame<Size4KiB> frame = frames.AllocateFrame().value();
  // SAFETY: the page is unused virtual address space and the frame was just allocated.
  mapper.MapTo(page, frame, PageTableFlag::kWritable | PageTableFlag::kNoExecute, frames)
      .UnwrapOrPanic()
      .Flush();
  LIBK_ASSERT(frames.free_frames() == free_before - 4);
  // SAFETY: the page was just mapped, writable, to a frame nothing else uses.
  auto* through_page =
      libk::x86_64::raw::ObjectAt<volatile std::uint64_t>(page.StartAddress().value());
  *through_page = 0x6b65'656c'2070'6167;
  // SAFETY: the boot window maps the frame too; only this test uses it.
  auto* through_window = libk::x86_64::raw::ObjectAt<volatile std::uint64_t>(
      window.VirtOf(frame.StartAddress()).value());
  const std::uint64_t read = *through_window;
  LIBK_ASSERT(read == 0x6b65'656c'2070'6167, "read {:#x}", read);
  kernel::kprintln("paging_selftest: wrote through {}, read back through the boot window at {}",
                   page, window.VirtOf(frame.StartAddress()));
  // SAFETY: nothing uses the page any more.
  auto unmapped = mapper.Unmap(page, frames).UnwrapOrPanic();
  unmapped.flush.Flush();
  frames.DeallocateFrame(unmapped.frame);
  LIBK_ASSERT(frames.free_frames() == free_before, "{} frames leaked",
              free_before - frames.free_frames());
}

KTEST(frames, never_hands_out_the_kernel_or_the_boot_information) {
  BitmapFrameAllocator& frames = paging_selftest::Frames();
  const std::uint64_t free_before = frames.free_frames();
  const PhysRange kernel = paging_selftest::KernelImage();
  const PhysRange info = paging_selftest::BootInfoRange();
  auto overlaps = [](PhysFrame<Size4KiB> frame, PhysRange range) {
    return frame.StartAddress() < range.start + range.size &&
           range.start < frame.StartAddress() + PhysFrame<Size4KiB>::size();
  };
  libk::ArrayVec<PhysFrame<Size4KiB>, 512> taken;
  while (!taken.full()) {
    const PhysFrame<Size4KiB> frame = frames.AllocateFrame().value();
    LIBK_ASSERT(frame.StartAddress().value() != 0);
    LIBK_ASSERT(!overlaps(frame, kernel), "{} is in the kernel image", frame);
    LIBK_ASSERT(!overlaps(frame, info), "{} holds the boot information", frame);
    taken.Push(frame);
  }
  for (const PhysFrame<Size4KiB> frame : taken) frames.DeallocateFrame(frame);
  LIBK_ASSERT(frames.free_frames() == free_before);
}

}  // namespace
