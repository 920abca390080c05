// Hardware interrupts through the two 8259 PICs: IRQ 0-15 arrive on vectors 32-47, each is
// acknowledged (end of interrupt) after its handler ran, and the spurious IRQ 7 / IRQ 15
// that a PIC raises for a request that went away are counted and not acknowledged.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/idt_table.h"

namespace kernel::interrupts {

// The vector of IRQ 0 (IRQ 0-7 on the primary PIC) and of IRQ 8 (8-15, secondary).
inline constexpr std::uint8_t kPrimaryPicVector = 32;
inline constexpr std::uint8_t kSecondaryPicVector = 40;
inline constexpr int kIrqCount = 16;

// IRQ lines of the PC.
inline constexpr std::uint8_t kTimerIrq = 0;
inline constexpr std::uint8_t kKeyboardIrq = 1;
inline constexpr std::uint8_t kCom1Irq = 4;

// Handles one IRQ. Runs with interrupts disabled; the end of interrupt is sent after it
// returns. Locks it takes must be interrupt-safe (IrqMutex).
using IrqHandler = void (*)();

// Remaps the PICs to kPrimaryPicVector/kSecondaryPicVector with every IRQ masked and
// points vectors 32-47 of `idt` at the IRQ dispatcher. Called by Init.
void InitIrqs(libk::x86_64::IdtTable& idt);

// Installs `handler` for `irq` (0..15) and unmasks the line. Panics on a bad IRQ number.
void SetIrqHandler(std::uint8_t irq, IrqHandler handler);

// Masks `irq` and removes its handler.
void ClearIrqHandler(std::uint8_t irq);

// Returns how many spurious IRQs (7 or 15) were seen.
std::uint64_t SpuriousIrqCount();

// What the IRQ dispatcher has counted since boot. Each counter is an atomic that the
// dispatcher bumps without a lock, so reading them never waits for an interrupt handler.
struct IrqCounters {
  std::uint64_t dispatched = 0;  // IRQs that were not spurious, with or without a handler.
  std::uint64_t unhandled = 0;   // Of those, IRQs on a line with no handler.
  std::uint64_t spurious_irq7 = 0;
  std::uint64_t spurious_irq15 = 0;
};

// Returns the dispatcher's counters.
IrqCounters Counters();

// Returns how many IRQs were dispatched (spurious ones not included), with or without a
// handler: what an idle loop's halts compare with.
std::uint64_t IrqCount();

// Returns how many IRQs arrived on a line with no handler (each was acknowledged).
std::uint64_t UnhandledIrqCount();

}  // namespace kernel::interrupts
