// The kernel's exception handlers. The breakpoint reports and returns, an NMI is counted;
// every other exception is fatal and panics with its name, the faulting RIP and what its
// error code says (the page-fault address and cause, the selector of a #GP). The double
// fault, the NMI and the machine check run on their own stacks (see segments.h).
#pragma once

#include <atomic>
#include <cstdint>

#include "libk/arch/x86_64/idt_table.h"

namespace kernel::interrupts {

// Installs a handler for every exception vector (0..31, reserved ones excepted) in `idt`
// and a panicking one for every other vector; the IRQ vectors are replaced by irq.cc.
void InstallExceptionHandlers(libk::x86_64::IdtTable& idt);

// What the NMI handler has seen.
struct NmiReport {
  std::uint64_t count = 0;         // NMIs handled so far.
  bool last_on_nmi_stack = false;  // Whether the last one ran on the NMI stack (IST).
};

// Returns the NMIs handled so far.
NmiReport Nmis();

// Returns the counter the NMI handler increments (lock-free, never reset), so that a test
// can print its address and watch it from outside the guest (the QEMU runner confirms
// each NMI it injects there, docs/testing.md).
const std::atomic<std::uint64_t>& NmiCounter();

}  // namespace kernel::interrupts
