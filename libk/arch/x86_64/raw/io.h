// Raw x86_64 port I/O and interrupt-flag instructions. This is an unsafe package: only
// the packages listed in its BUILD visibility may include it; everything else goes
// through the typed wrappers in libk/arch/x86_64.
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// Variables written by inline-asm output operands look never-modified to the check.
// NOLINTBEGIN(misc-const-correctness)

// Reads a byte from I/O port `port`.
// Safety: reading a device register can have side effects on the device (acknowledging
// an interrupt, popping a FIFO); the caller must own the device behind `port`.
inline std::uint8_t InB(std::uint16_t port) {
  std::uint8_t value = 0;
  asm volatile("inb %1, %0" : "=a"(value) : "Nd"(port) : "memory");
  return value;
}

// Reads a 16-bit word from I/O port `port`.
// Safety: as for InB.
inline std::uint16_t InW(std::uint16_t port) {
  std::uint16_t value = 0;
  asm volatile("inw %1, %0" : "=a"(value) : "Nd"(port) : "memory");
  return value;
}

// Reads a 32-bit doubleword from I/O port `port`.
// Safety: as for InB.
inline std::uint32_t InL(std::uint16_t port) {
  std::uint32_t value = 0;
  asm volatile("inl %1, %0" : "=a"(value) : "Nd"(port) : "memory");
  return value;
}

// Writes `value` to I/O port `port`.
// Safety: a device can be told to DMA over any memory or to reset the machine; the caller
// must own the device behind `port` and know what the write does.
inline void OutB(std::uint16_t port, std::uint8_t value) {
  asm volatile("outb %0, %1" : : "a"(value), "Nd"(port) : "memory");
}

// Writes `value` to I/O port `port`.
// Safety: as for OutB.
inline void OutW(std::uint16_t port, std::uint16_t value) {
  asm volatile("outw %0, %1" : : "a"(value), "Nd"(port) : "memory");
}

// Writes `value` to I/O port `port`.
// Safety: as for OutB.
inline void OutL(std::uint16_t port, std::uint32_t value) {
  asm volatile("outl %0, %1" : : "a"(value), "Nd"(port) : "memory");
}

// Clears the interrupt flag.
// Safety: code that relies on interrupts being delivered (timers, wakeups) stops
// progressing until they are enabled again.
inline void Cli() { asm volatile("cli" : : : "memory"); }

// Sets the interrupt flag.
// Safety: handlers may run from the next instruction on; every lock a handler takes must
// be interrupt-safe and the IDT must be valid.
inline void Sti() { asm volatile("sti" : : : "memory"); }

// Sets the interrupt flag and halts until the next interrupt, with no window between the
// two in which an interrupt could be missed (sti's one-instruction shadow).
// Safety: as for Sti.
inline void StiHlt() { asm volatile("sti; hlt" : : : "memory"); }

// Halts until the next interrupt (forever if interrupts are disabled). Safe: it changes
// no state, but it is privileged, so it lives here with the other instructions.
inline void Hlt() { asm volatile("hlt" : : : "memory"); }

// Returns RFLAGS. Safe: reading the flags changes nothing.
inline std::uint64_t ReadRflags() {
  std::uint64_t flags = 0;
  asm volatile("pushfq; popq %0" : "=r"(flags) : : "memory");
  return flags;
}

// Returns the time-stamp counter. Safe: a read-only counter.
inline std::uint64_t Rdtsc() {
  std::uint32_t low = 0;
  std::uint32_t high = 0;
  asm volatile("rdtsc" : "=a"(low), "=d"(high));
  return (static_cast<std::uint64_t>(high) << 32) | low;
}

// Hints to the CPU that this is a spin-wait loop. Safe: a hint with no effect on state.
inline void Pause() { asm volatile("pause" : : : "memory"); }

// NOLINTEND(misc-const-correctness)

}  // namespace libk::x86_64::raw
