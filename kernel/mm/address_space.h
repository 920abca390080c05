// The kernel's own address space: built at boot from the memory map (a direct map of all
// RAM, the kernel image at -2 GiB with per-section permissions, guard pages under the
// stacks), switched to, and then shared behind one lock with the code that maps memory.
#pragma once

#include <cstdint>
#include <utility>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/phys_window.h"
#include "libk/mm/bitmap_frame_allocator.h"
#include "libk/multiboot2/info.h"
#include "libk/panic/panic.h"
#include "libk/result/optional.h"
#include "libk/sync/mutex.h"

#include "kernel/mm/direct_map_plan.h"

namespace kernel::mm {

using KernelMapper = libk::x86_64::paging::Mapper<libk::x86_64::PhysWindow>;

// What the kernel's memory looks like; Stats() fills it.
struct MemoryStats {
  std::uint64_t usable_bytes = 0;  // RAM the memory map calls available, in whole frames.
  std::uint64_t total_frames = 0;
  std::uint64_t free_frames = 0;
  std::uint64_t used_frames = 0;
  std::uint64_t page_table_frames = 0;        // Tables in the kernel's tree, the P4 included.
  std::uint64_t direct_map_table_frames = 0;  // Tables the direct map took (not the P4).
  std::uint64_t direct_map_bytes = 0;         // Physical [0, this) is direct-mapped.
  DirectMapPageSize direct_map_page = DirectMapPageSize::k4KiB;  // Its largest page.
  std::uint64_t direct_map_read_only_bytes = 0;  // The image's read-only frames in it.
  std::uint64_t boot_table_frames = 0;           // Frames of the boot tables given back,
  std::uint64_t free_before_boot_release = 0;    // and the free frames before and after.
  std::uint64_t free_after_boot_release = 0;
  bool global_pages = false;  // CR4.PGE (and GLOBAL kernel mappings).
  bool smep = false;
  bool smap = false;
};

// Builds the kernel's page tables from `info`'s memory map, switches to them, frees the
// boot tables and moves the console's VGA buffer to the direct map. Returns the boot
// information seen through the direct map: `info` views the boot map, which is gone, and
// must not be used again. Called once, early, with interrupts disabled; panics on a
// second call or if the memory map is unusable.
const libk::multiboot2::Info& Init(const libk::multiboot2::Info& info);

// Returns whether Init has run.
bool IsInitialized();

// Returns the direct map's address of `addr`; panics if RAM does not reach it.
libk::x86_64::paging::VirtAddr PhysToVirt(libk::x86_64::paging::PhysAddr addr);

// Returns the current statistics.
MemoryStats Stats();

namespace internal {

// The kernel's mapper and frame allocator, both set by Init.
struct KernelSpace {
  libk::Optional<KernelMapper> mapper;
  libk::Optional<libk::mm::BitmapFrameAllocator> frames;
};

libk::IrqMutex<KernelSpace>& Space();

}  // namespace internal

// Calls `f(KernelMapper&, BitmapFrameAllocator&)` with the kernel's address space locked
// (interrupts off) and returns what it returns. The mapper reaches tables through the
// direct map; changes it makes are the caller's to flush (MapTo's Safety contract).
// Panics before Init.
template <typename F>
auto WithKernelSpace(F&& f) {
  auto space = internal::Space().Lock();
  LIBK_ASSERT(space->mapper.has_value(), "kernel::mm::WithKernelSpace before kernel::mm::Init");
  return std::forward<F>(f)(*space->mapper, *space->frames);
}

// The kernel address space as a libk::mm::PagingAccess: what the kernel heap's
// PagedRegionSource maps its frames through. With locks as WithKernelSpace does.
struct KernelPaging {
  using Memory = libk::x86_64::PhysWindow;
  using Frames = libk::mm::BitmapFrameAllocator;

  template <typename F>
  auto With(F&& f) {
    return WithKernelSpace(std::forward<F>(f));
  }
};

// Returns the pages reserved for the kernel heap, its two guard pages included
// (layout.h: [kHeapGuardLow, kHeapRangeEnd)).
libk::x86_64::paging::PageRange<libk::x86_64::paging::Size4KiB> HeapReservedRange();

}  // namespace kernel::mm
