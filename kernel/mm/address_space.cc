#include "kernel/mm/address_space.h"

#include <cstddef>
#include <cstdint>
#include <utility>

#include "libk/arch/x86_64/cpuid.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/address_space.h"
#include "libk/arch/x86_64/registers.h"
#include "libk/containers/array_vec.h"
#include "libk/containers/span.h"
#include "libk/mm/usable_memory.h"
#include "libk/sync/lazy.h"

#include "boot/boot_constants.h"
#include "kernel/console/console.h"
#include "kernel/drivers/vga_text/vga_screen.h"
#include "kernel/mm/direct_map.h"
#include "kernel/mm/kernel_image.h"
#include "kernel/mm/layout.h"

namespace kernel::mm {
namespace {

namespace paging = libk::x86_64::paging;
namespace raw = libk::x86_64::raw;
using libk::mm::BitmapFrameAllocator;
using libk::mm::PhysRange;
using libk::x86_64::Cr4Flag;
using libk::x86_64::CpuFeature;
using libk::x86_64::PhysWindow;
using paging::PhysAddr;
using paging::PhysFrame;
using paging::Size4KiB;
using paging::VirtAddr;

// Page-table frames must be reachable through the boot window while the tables are built.
constexpr std::uint64_t kBootWindowBytes = boot::kBootMapBytes;

MemoryStats stats;
bool initialized = false;
libk::Optional<libk::multiboot2::Info> direct_info;

// Hands out the frames for the new tables while they are built: only frames the boot
// window reaches (the allocator gives the lowest free frames first, so this holds in
// practice; a frame above would be a bug, and panics). Counts what it hands out.
class BootWindowFrames {
 public:
  explicit BootWindowFrames(BitmapFrameAllocator& frames) : frames_(&frames) {}

  libk::Optional<PhysFrame<Size4KiB>> AllocateFrame() {
    const auto frame = frames_->AllocateFrame();
    if (frame.has_value()) {
      LIBK_ASSERT(frame->StartAddress().value() < kBootWindowBytes,
                  "page-table frame {} is outside the boot window", *frame);
      ++taken_;
    }
    return frame;
  }
  void DeallocateFrame(PhysFrame<Size4KiB> frame) {
    frames_->DeallocateFrame(frame);
    --taken_;
  }
  std::uint64_t taken() const { return taken_; }

 private:
  BitmapFrameAllocator* frames_;
  std::uint64_t taken_ = 0;
};

PhysWindow BootWindow() {
  // SAFETY: the boot tables map physical [0, 1 GiB) read-write at kKernelVma until Init
  // switches CR3; Init uses this window only before that, and runs alone (interrupts off,
  // one CPU).
  return PhysWindow(VirtAddr::New(boot::kKernelVma), kBootWindowBytes);
}

// Calls `f(child)` for each table that an entry of `table` points to.
template <typename F>
void ForEachChildTable(const PhysWindow& window, PhysFrame<Size4KiB> table, F f) {
  for (const paging::PageTableEntry& entry : window.TableAt(table)) {
    if (entry.IsPresent() && !entry.IsHugePage()) {
      f(PhysFrame<Size4KiB>::Containing(entry.addr()));
    }
  }
}

// Returns the number of tables in the tree under the P4 `root`, the P4 included.
std::uint64_t TablesInTree(const PhysWindow& window, PhysFrame<Size4KiB> root) {
  std::uint64_t count = 1;
  ForEachChildTable(window, root, [&](PhysFrame<Size4KiB> p3) {
    ++count;
    ForEachChildTable(window, p3, [&](PhysFrame<Size4KiB> p2) {
      ++count;
      ForEachChildTable(window, p2, [&](PhysFrame<Size4KiB> /*p1*/) { ++count; });
    });
  });
  return count;
}

// Turns on global pages, SMEP and SMAP when the CPU has them.
void EnablePagingFeatures(const libk::x86_64::CpuInfo& cpu) {
  auto cr4 = libk::x86_64::ReadCr4();
  stats.global_pages = cpu.features.Contains(CpuFeature::kPge);
  stats.smep = cpu.features.Contains(CpuFeature::kSmep);
  stats.smap = cpu.features.Contains(CpuFeature::kSmap);
  if (stats.global_pages) cr4 |= Cr4Flag::kPageGlobal;
  if (stats.smep) cr4 |= Cr4Flag::kSupervisorModeExecutionPrevention;
  if (stats.smap) cr4 |= Cr4Flag::kSupervisorModeAccessPrevention;
  // SAFETY: PAE stays on (the bits are added to the current value); each bit is set only
  // when CPUID reports the feature; the kernel maps no user pages and never runs or
  // touches one (so SMEP and SMAP need no stac/clac), and its GLOBAL mappings are those of
  // its only address space.
  raw::WriteCr4(cr4.bits());
}

}  // namespace

namespace internal {

libk::IrqMutex<KernelSpace>& Space() {
  // A Lazy, so the kernel's address space is never destroyed (no exit-time destructor).
  constinit static libk::Lazy<libk::IrqMutex<KernelSpace>> space(
      [] { return libk::IrqMutex<KernelSpace>(); });
  return *space;
}

}  // namespace internal

bool IsInitialized() { return initialized; }

VirtAddr PhysToVirt(PhysAddr addr) {
  LIBK_ASSERT(addr.value() < stats.direct_map_bytes, "{} is past the direct map ({:#x} bytes)",
              addr, stats.direct_map_bytes);
  return VirtAddr::New(layout::kDirectMapBase + addr.value());
}

MemoryStats Stats() {
  return internal::Space().With([](internal::KernelSpace& space) {
    MemoryStats now = stats;
    if (space.frames.has_value()) {
      now.total_frames = space.frames->total_frames();
      now.free_frames = space.frames->free_frames();
      now.used_frames = space.frames->used_frames();
      now.page_table_frames = TablesInTree(space.mapper->memory(), space.mapper->root());
    }
    return now;
  });
}

const libk::multiboot2::Info& Init(const libk::multiboot2::Info& info) {
  LIBK_ASSERT(!initialized, "kernel::mm::Init called twice");
  const libk::x86_64::CpuInfo cpu = libk::x86_64::ReadCpuInfo();
  const bool gib_pages = cpu.features.Contains(CpuFeature::kPdpe1Gb);
  const KernelImage image = KernelImage::FromLinker();

  // Frames in use from the start: the image (the boot tables as a range of their own, to
  // be released), the boot information and the modules.
  libk::ArrayVec<PhysRange, 24> in_use;
  const std::uint64_t tables_end = image.boot_tables.start.value() + image.boot_tables.size;
  in_use.Push({image.whole.start, image.boot_tables.start - image.whole.start});
  in_use.Push(image.boot_tables);
  in_use.Push(
      {PhysAddr::New(tables_end), image.whole.start.value() + image.whole.size - tables_end});
  const std::uint64_t info_phys = raw::AddressOf(info.data()) - boot::kKernelVma;
  in_use.Push({PhysAddr::New(info_phys), info.total_size()});
  for (const auto& module : info.Modules()) {
    in_use.Push({PhysAddr::New(module.start), std::uint64_t{module.end} - module.start});
  }

  const PhysWindow window = BootWindow();
  auto created = BitmapFrameAllocator::Create(
      info.MemoryMap(), libk::Span<const PhysRange>(in_use.data(), in_use.size()),
      PhysAddr::New(kBootWindowBytes),
      [&window](paging::FrameRange<Size4KiB> storage, std::size_t words) {
        // SAFETY: the allocator carved `storage` out of free RAM below 1 GiB, which the
        // boot window maps; nothing else uses those frames. Init moves the view to the
        // direct map before the boot window goes away.
        auto* bitmap =
            raw::ObjectAt<std::uint64_t>(window.VirtOf(storage.start().StartAddress()).value());
        // SAFETY: `storage` holds at least `words` words.
        return libk::Span<std::uint64_t>(bitmap, words);
      });
  LIBK_ASSERT(created.is_ok(), "frame allocator: {}", created.error());

  auto space = internal::Space().Lock();
  BitmapFrameAllocator& frames = space->frames.Emplace(std::move(created).value());
  const auto& runs = frames.memory().runs();
  LIBK_ASSERT(!runs.empty(), "the memory map reports no usable RAM");
  const RamRuns ram(runs.data(), runs.size());

  BootWindowFrames table_frames(frames);
  const PhysFrame<Size4KiB> root = table_frames.AllocateFrame().value();
  window.TableAt(root).Zero();
  KernelMapper builder(root, window);

  // The direct map: all RAM, never executable; read-write but for the frames of the
  // image's text and rodata, so that kernel code has no writable alias. Only the blocks
  // around those frames are split into smaller pages.
  const FrameRuns read_only(image.read_only.data(), image.read_only.size());
  internal::MapDirectMap(builder, ram, read_only, gib_pages, table_frames);
  stats.direct_map_table_frames = table_frames.taken() - 1;
  const std::uint64_t planned_tables = PlannedTables(ram, read_only, gib_pages).total();
  LIBK_ASSERT(stats.direct_map_table_frames == planned_tables,
              "the direct map took {} tables, its plan needs {}", stats.direct_map_table_frames,
              planned_tables);
  stats.direct_map_bytes = runs[runs.size() - 1].end * Size4KiB::kSize;
  stats.direct_map_page = LargestPlannedPage(ram, read_only, gib_pages);
  for (const auto& run : image.read_only) {
    stats.direct_map_read_only_bytes += (run.end - run.first) * Size4KiB::kSize;
  }
  stats.usable_bytes = frames.total_frames() * Size4KiB::kSize;

  // The VGA text buffer, a device window asked for: in the direct map's place, if RAM
  // around it did not already bring it in.
  using drivers::vga_text::VgaCells;
  const PhysAddr vga = PhysAddr::New(VgaCells::kPhysicalAddress);
  const VirtAddr vga_virt = VirtAddr::New(layout::kDirectMapBase + vga.value());
  if (builder.Translate(vga_virt).is_error()) {
    internal::MapDirectPage(builder, DirectMapPage{vga.value(), DirectMapPageSize::k4KiB, true},
                            table_frames);
  }

  // The kernel image at -2 GiB, section by section.
  for (const ImageSegment& segment : image.segments) {
    const std::uint64_t first = segment.range.start.value();
    for (std::uint64_t phys = first; phys < first + segment.range.size; phys += Size4KiB::kSize) {
      const auto page =
          paging::Page<Size4KiB>::Containing(VirtAddr::New(layout::kKernelImageBase + phys));
      // SAFETY: the new tree is not active; each image page is mapped once, to its own
      // frame, with its section's permissions.
      builder
          .MapTo(page, PhysFrame<Size4KiB>::Containing(PhysAddr::New(phys)), segment.flags,
                 table_frames)
          .UnwrapOrPanic()
          .Ignore();  // Not active yet.
    }
  }

  // SAFETY: the new tree maps everything the CPU touches from here on at the same virtual
  // addresses: the image's code, rodata, data and bss (IDT, GDT, TSS), the boot part with
  // the boot GDT, and every stack (this one included). What it does not map any more is
  // the boot window: its users move to the direct map right below, before any of them
  // runs (interrupts are off, and nothing below can print or fail before the console
  // moves).
  raw::WriteCr3(root, paging::Cr3Flags());
  // SAFETY: the direct map maps the VGA text buffer read-write for good (above).
  console::MoveVgaBuffer(vga_virt.value());
  if (!frames.bitmap_frames().empty()) {
    const std::uint64_t bitmap = frames.bitmap_frames().start().StartAddress().value();
    // SAFETY: the bitmap's frames are RAM, which the direct map maps for good; the view
    // is of the same memory the allocator has been using.
    frames.MoveBitmap(
        libk::Span<std::uint64_t>(raw::ObjectAt<std::uint64_t>(layout::kDirectMapBase + bitmap),
                                  BitmapFrameAllocator::BitmapWords(frames.total_frames())));
  }
  // SAFETY: the direct map maps the RAM in physical [0, direct_map_bytes) for good,
  // read-write but for the image's read-only frames; page tables live in neither the holes
  // without RAM nor the image (they come from the allocator's free frames), and this
  // mapper is the only code that edits the kernel's tables, under the Space() lock.
  space->mapper.Emplace(root,
                        PhysWindow(VirtAddr::New(layout::kDirectMapBase), stats.direct_map_bytes));
  // SAFETY: the boot information's frames are RAM and stay in use (marked so above); the
  // direct map maps them, and FromBootloader reads only total_size bytes.
  auto moved = libk::multiboot2::Info::FromBootloader(
      raw::ObjectAt<const std::byte>(PhysToVirt(PhysAddr::New(info_phys)).value()));
  LIBK_ASSERT(moved.is_ok(), "boot information through the direct map: {}", moved.error());
  direct_info.Emplace(std::move(moved).value());

  EnablePagingFeatures(cpu);

  // Nothing maps the boot tables any more (they are outside the image's segments), so
  // their frames can go back without a writable alias anywhere but the direct map.
  const std::uint64_t free_before = frames.free_frames();
  frames.Release(image.boot_tables);
  stats.boot_table_frames = frames.free_frames() - free_before;
  stats.free_before_boot_release = free_before;
  stats.free_after_boot_release = frames.free_frames();
  initialized = true;
  return *direct_info;
}

libk::x86_64::paging::PageRange<libk::x86_64::paging::Size4KiB> HeapReservedRange() {
  using libk::x86_64::paging::Page;
  using libk::x86_64::paging::PageRange;
  using libk::x86_64::paging::Size4KiB;
  using libk::x86_64::paging::VirtAddr;
  return PageRange<Size4KiB>::Between(
      Page<Size4KiB>::Containing(VirtAddr::New(layout::kHeapGuardLow)),
      Page<Size4KiB>::Containing(VirtAddr::New(layout::kHeapRangeEnd)));
}

}  // namespace kernel::mm
