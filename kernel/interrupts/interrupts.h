// Setting up exceptions and interrupts: the GDT with a TSS (emergency stacks), the IDT
// with the kernel's exception handlers, the PICs for hardware interrupts; and waiting for
// interrupts. The timer (kernel/time) and the keyboard (kernel/input) build on it.
#pragma once

namespace kernel::interrupts {

// Loads the kernel's GDT and TSS (reloading CS, DS, ES, SS and the task register), fills
// and loads the IDT, and remaps the PICs with every IRQ masked. Interrupts stay disabled.
// Call once, after console::Init so that faults can be reported; panics on a second call.
void Init();

// Returns whether Init has run.
bool Initialized();

// Enables interrupts and halts until the next one arrives, atomically (sti; hlt), so an
// interrupt that arrives just before the halt still wakes it. Interrupts stay enabled.
// Panics before Init.
void WaitForInterrupt();

// Idles for good with interrupts enabled; only interrupt handlers run from then on.
[[noreturn]] void IdleForever();

}  // namespace kernel::interrupts
