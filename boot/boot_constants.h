// Constants shared by the assembly boot path and the C++ kernel: the higher-half base,
// the multiboot2 handshake, boot segment selectors and the boot stack geometry.
// Included from .S files (where __ASSEMBLER__ is defined) and from C++.
#pragma once

// Virtual address at which physical address 0 appears in the kernel's address space; the
// kernel image is linked at KEEL_KERNEL_VMA + KEEL_KERNEL_LOAD_PHYS (-mcmodel=kernel).
#define KEEL_KERNEL_VMA 0xffffffff80000000
#define KEEL_KERNEL_LOAD_PHYS 0x100000

// The boot page tables map physical [0, KEEL_BOOT_MAP_BYTES) at KEEL_KERNEL_VMA: the
// first KEEL_BOOT_SMALL_PAGES_BYTES with 4 KiB pages (per-section permissions and the
// stack guard page), the rest with 2 MiB pages. The kernel image must end below
// KEEL_BOOT_SMALL_PAGES_BYTES (checked by the linker script).
#define KEEL_BOOT_MAP_BYTES 0x40000000
#define KEEL_BOOT_SMALL_PAGES_BYTES 0x400000

// Value of %eax when a multiboot2 loader jumps to the kernel.
#define KEEL_MULTIBOOT2_BOOTLOADER_MAGIC 0x36d76289

// Selectors of the boot GDT (null, 64-bit code, data).
#define KEEL_BOOT_CODE_SELECTOR 0x08
#define KEEL_BOOT_DATA_SELECTOR 0x10

// The boot stack, with one unmapped guard page directly below it.
#define KEEL_BOOT_STACK_BYTES 0x8000
#define KEEL_PAGE_BYTES 0x1000

// Page-table entry bits used by the boot tables.
#define KEEL_PTE_PRESENT 0x1
#define KEEL_PTE_WRITABLE 0x2
#define KEEL_PTE_HUGE 0x80
// Bit 63 (no-execute), as seen from the high 32-bit half of an entry.
#define KEEL_PTE_NX_HIGH 0x80000000

#ifndef __ASSEMBLER__
#include <cstdint>

namespace boot {
inline constexpr std::uint64_t kKernelVma = KEEL_KERNEL_VMA;
inline constexpr std::uint64_t kBootMapBytes = KEEL_BOOT_MAP_BYTES;
inline constexpr std::uint32_t kMultiboot2BootloaderMagic = KEEL_MULTIBOOT2_BOOTLOADER_MAGIC;
inline constexpr std::uint64_t kBootStackBytes = KEEL_BOOT_STACK_BYTES;
}  // namespace boot
#endif
