// The kernel image as the linker laid it out (boot/linker.ld's symbols): the physical
// pages of each part and the permissions each gets at -2 GiB in the kernel's own map.
// The boot page tables and the stacks' guard pages are not among the mapped segments.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/containers/array_vec.h"
#include "libk/mm/usable_memory.h"

#include "boot/boot_constants.h"

namespace kernel::mm {

// Physical [start, start + bytes), page-aligned, mapped at layout::kKernelImageBase + start.
struct ImageSegment {
  libk::mm::PhysRange range;
  libk::x86_64::paging::PageTableFlags flags;
};

struct KernelImage {
  // The boot part (multiboot2 header, 32-bit code, boot GDT), text, rodata, data+bss, and
  // each stack without its guard page.
  static constexpr std::size_t kMaxSegments = 4 + KEEL_STACK_COUNT;

  // Reads the linker's symbols.
  static KernelImage FromLinker();

  libk::mm::PhysRange whole;        // Everything from the load address to the end.
  libk::mm::PhysRange boot_tables;  // The boot page tables' own pages.
  libk::ArrayVec<ImageSegment, kMaxSegments> segments;
  // The frames of text and rodata (one run): the direct map maps them read-only too, so
  // no writable alias of the kernel's code or constants exists.
  libk::ArrayVec<libk::mm::UsableMemory::Run, 1> read_only;
};

}  // namespace kernel::mm
