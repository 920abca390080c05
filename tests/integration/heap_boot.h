// Shared set-up of the kernel-heap test kernels: a frame allocator fed by GRUB's memory
// map, a mapper over the live boot page tables (reached through the boot window), and the
// kernel heap (kernel/heap) in a reserved range of the higher half, as the main kernel will
// set it up over its own tables.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/phys_window.h"
#include "libk/mm/bitmap_frame_allocator.h"
#include "libk/multiboot2/info.h"
#include "libk/result/optional.h"

#include "kernel/heap/heap.h"
#include "kernel/heap/sizes.h"

namespace heap_boot {

// The heap's reserved range: a guard page, `usable_pages` pages, a guard page, from the
// start of P4 slot 384 (where kernel/mm's layout puts the heap), unmapped at boot.
inline constexpr std::uint64_t kReservedStart = 0xffff'c000'0000'0000;
kernel::heap::HeapRange Reserved(std::uint64_t usable_pages);

// Sets up the frame allocator and the mapper, then the kernel heap in
// Reserved(usable_pages): with `sizes` if given, else with the build settings' sizes for
// the machine's usable RAM. Call once, from Main.
void Init(const libk::multiboot2::Info& info, std::uint64_t usable_pages,
          libk::Optional<kernel::heap::Sizes> sizes);

// Returns the frame allocator and the mapper over the live tables (after Init).
libk::mm::BitmapFrameAllocator& Frames();
libk::x86_64::paging::Mapper<libk::x86_64::PhysWindow>& LiveMapper();

// Returns the heap region's first byte's address (after the lower guard page).
inline libk::x86_64::paging::VirtAddr RegionStart() {
  return libk::x86_64::paging::VirtAddr::New(kReservedStart + 0x1000);
}

}  // namespace heap_boot
