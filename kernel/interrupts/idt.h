// The kernel's IDT: one global IdtTable whose gates point at the entry stubs of
// libk/arch/x86_64/raw/interrupt_entry.S, and the dispatcher the stubs call. Handlers are
// installed (by the kernel, or by a test) through the typed IdtTable API, inside UpdateIdt.
#pragma once

#include <utility>

#include "libk/arch/x86_64/idt_table.h"
#include "libk/sync/interrupts.h"

namespace kernel::interrupts {

namespace internal {
// Returns the kernel's IDT. Change it only through UpdateIdt.
libk::x86_64::IdtTable& Idt();
}  // namespace internal

// Calls `update(idt)` on the kernel's IDT with interrupts disabled, so that no interrupt
// finds a half-written gate; `idt` may be loaded already. A test installs its own handler:
//
//   interrupts::UpdateIdt([](libk::x86_64::IdtTable& idt) {
//     idt.Set<libk::x86_64::ExceptionVector::kPageFault>(&OnPageFault);
//   });
template <typename F>
void UpdateIdt(F&& update) {
  const libk::interrupts::InterruptGuard guard;
  std::forward<F>(update)(internal::Idt());
}

// Loads the kernel's IDT into the CPU (lidt). Its gates refer to the kernel code segment,
// so the kernel's GDT must be loaded first.
void LoadIdt();

}  // namespace kernel::interrupts
