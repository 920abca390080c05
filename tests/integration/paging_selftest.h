// Shared state of the paging self-test kernel: the boot information and the frame
// allocator its Main sets up from the real memory map before the KTESTs run.
#pragma once

#include "libk/arch/x86_64/phys_window.h"
#include "libk/mm/bitmap_frame_allocator.h"
#include "libk/mm/usable_memory.h"
#include "libk/multiboot2/info.h"

namespace paging_selftest {

// Returns the boot information Main received.
const libk::multiboot2::Info& BootInfo();

// Returns the allocator over the machine's usable memory (kernel image and boot
// information in use).
libk::mm::BitmapFrameAllocator& Frames();

// Returns where the kernel image and the boot information lie in physical memory.
libk::mm::PhysRange KernelImage();
libk::mm::PhysRange BootInfoRange();

// Returns the window the boot page tables provide: physical [0, 1 GiB) in the higher half.
libk::x86_64::PhysWindow BootWindow();

}  // namespace paging_selftest
