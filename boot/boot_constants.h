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

#define KEEL_PAGE_BYTES 0x1000

// Kernel stacks: KEEL_STACK_COUNT slots in the .stacks section, each an unmapped guard
// page followed by KEEL_STACK_BYTES of stack, so an overflow faults instead of silently
// overwriting its neighbour. Slot 0 is the boot stack; the others are interrupt stacks
// (see boot::StackSlot). boot/linker.ld repeats these numbers (checked by
// tests/boot:elf_layout_test).
#define KEEL_STACK_BYTES 0x8000
#define KEEL_STACK_SLOT_PAGES 9
#define KEEL_STACK_SLOT_BYTES (KEEL_STACK_SLOT_PAGES * KEEL_PAGE_BYTES)
#define KEEL_STACK_COUNT 4

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
inline constexpr std::uint64_t kPageBytes = KEEL_PAGE_BYTES;
inline constexpr std::uint64_t kStackBytes = KEEL_STACK_BYTES;
inline constexpr std::uint64_t kStackSlotBytes =
    std::uint64_t{KEEL_STACK_SLOT_PAGES} * KEEL_PAGE_BYTES;
static_assert(kStackSlotBytes == kStackBytes + kPageBytes, "one guard page per stack");

// The stacks reserved in .stacks, by slot.
enum class StackSlot : std::uint8_t {
  kBoot = 0,
  kDoubleFault = 1,
  kNonMaskableInterrupt = 2,
  kMachineCheck = 3,
};
inline constexpr std::uint8_t kStackCount = KEEL_STACK_COUNT;
}  // namespace boot
#endif
