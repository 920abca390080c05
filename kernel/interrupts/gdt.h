// The kernel's GDT and TSS in memory and loading them into the CPU. Their contents are
// built by the pure functions of segments.h; this is where they become live.
#pragma once

namespace kernel::interrupts {

// Builds the kernel's TSS (emergency stacks in its IST) and GDT (segments.h), loads the
// GDT, reloads CS, DS, ES and SS with the kernel selectors and loads the task register.
// Called once, by Init, with interrupts disabled.
void LoadGdt();

}  // namespace kernel::interrupts
