// Loading the CPU's descriptor tables and segment registers: lgdt, lidt, ltr, and the
// reloads of CS (a far return) and of the data segment registers that follow a new GDT.
// The tables themselves are built by pure code (libk/arch/x86_64: gdt_table.h, idt_table.h).
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// Variables written by inline-asm output operands look never-modified to the check.
// NOLINTBEGIN(misc-const-correctness)

// The operand of lgdt/lidt (and sgdt/sidt): limit (size - 1) and linear base address.
struct [[gnu::packed]] DescriptorTablePointer {
  std::uint16_t limit;
  std::uint64_t base;
};
static_assert(sizeof(DescriptorTablePointer) == 10);

// Loads the global descriptor table register.
// Safety: `pointer` must describe a valid GDT in writable memory (ltr marks the TSS
// descriptor busy) that stays alive, and unchanged in every descriptor a segment register
// or the task register refers to, for as long as it is loaded. The selectors now in the
// segment registers must name equivalent descriptors in it, or be reloaded
// (LoadCodeSegment, LoadDataSegments) before anything reloads them from the table.
inline void Lgdt(const DescriptorTablePointer& pointer) {
  asm volatile("lgdt %0" : : "m"(pointer) : "memory");
}

// Loads the interrupt descriptor table register.
// Safety: `pointer` must describe a valid IDT whose present gates point at valid handlers
// on a valid code segment, and the table must stay alive and unchanged (except through
// updates made with interrupts disabled) while loaded.
inline void Lidt(const DescriptorTablePointer& pointer) {
  asm volatile("lidt %0" : : "m"(pointer) : "memory");
}

// Returns the interrupt descriptor table register. Safe: it only reads a register.
inline DescriptorTablePointer Sidt() {
  DescriptorTablePointer pointer{};
  asm volatile("sidt %0" : "=m"(pointer) : : "memory");
  return pointer;
}

// Returns the global descriptor table register. Safe: it only reads a register.
inline DescriptorTablePointer Sgdt() {
  DescriptorTablePointer pointer{};
  asm volatile("sgdt %0" : "=m"(pointer) : : "memory");
  return pointer;
}

// Reloads CS with `selector`: pushes it and the address of the next instruction and does
// a far return there, the usual way to change CS in long mode.
// Safety: `selector` must name a present 64-bit ring-0 code segment (L = 1) in the loaded
// GDT; anything else faults, or runs the kernel on a segment it was not built for.
inline void LoadCodeSegment(std::uint16_t selector) {
  asm volatile(
      "pushq %q0\n\t"
      "leaq 1f(%%rip), %%rax\n\t"
      "pushq %%rax\n\t"
      "lretq\n"
      "1:"
      :
      : "r"(static_cast<std::uint64_t>(selector))
      : "rax", "memory");
}

// Loads DS, ES and SS with `selector` (FS and GS are left alone: their bases may matter).
// Safety: `selector` must name a present writable ring-0 data segment in the loaded GDT
// (or be null): a bad selector faults (#GP) right here.
inline void LoadDataSegments(std::uint16_t selector) {
  asm volatile(
      "movw %w0, %%ds\n\t"
      "movw %w0, %%es\n\t"
      "movw %w0, %%ss"
      :
      : "r"(selector)
      : "memory");
}

// Loads the task register with `selector`; the CPU marks that TSS descriptor busy.
// Safety: `selector` must name an available 64-bit TSS descriptor in the loaded GDT. The
// TSS must stay alive for as long as it is loaded, and its stack pointers (RSP0-2, IST1-7)
// must be zero or the tops of stacks reserved for those gates, or the CPU switches to
// arbitrary memory on the next interrupt through such a gate.
inline void LoadTaskRegister(std::uint16_t selector) {
  asm volatile("ltr %w0" : : "r"(selector) : "memory");
}

// Returns the selector in the task register. Safe: it only reads a register.
inline std::uint16_t StoreTaskRegister() {
  std::uint16_t selector = 0;
  asm volatile("str %w0" : "=r"(selector));
  return selector;
}

// Returns the selector in CS. Safe: it only reads a register.
inline std::uint16_t ReadCodeSegment() {
  std::uint16_t selector = 0;
  asm volatile("movw %%cs, %w0" : "=r"(selector));
  return selector;
}

// Returns the selector in SS. Safe: it only reads a register.
inline std::uint16_t ReadStackSegment() {
  std::uint16_t selector = 0;
  asm volatile("movw %%ss, %w0" : "=r"(selector));
  return selector;
}

// NOLINTEND(misc-const-correctness)

}  // namespace libk::x86_64::raw
