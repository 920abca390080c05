// The interrupt entry stubs of interrupt_entry.S: their addresses, from which the kernel
// builds its IDT gates. Each stub saves the interrupted registers as an InterruptFrame
// (libk/arch/x86_64/interrupt_frame_layout.h) and calls the kernel's
// `extern "C" void KeelInterruptDispatch(libk::x86_64::InterruptFrame* frame)` on the
// stack the CPU chose, 16-byte aligned; when it returns, the stub restores the registers
// from the frame and returns with iretq. The kernel must define KeelInterruptDispatch.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/interrupt_frame_layout.h"

extern "C" {
// The entry stub of vector v is at KeelInterruptEntryPoints[v]. A stub pushes a zero error
// code for the vectors whose exceptions come without one, so every frame looks alike; a
// software `int n` to a vector with an error code therefore builds a misaligned frame.
// The name is the assembly symbol's; the table is data in .rodata, not initialised at run
// time.
// NOLINTNEXTLINE(readability-identifier-naming,bugprone-dynamic-static-initializers)
extern const std::uint64_t KeelInterruptEntryPoints[KEEL_IDT_VECTORS];

// The address at which a stub resumes after KeelInterruptDispatch returns. The frame record
// whose return address it is belongs to KeelInterruptDispatch (the first function entered
// from the stub), and the interrupt frame starts 16 bytes above that record (the return
// address and the saved rbp).
// NOLINTNEXTLINE(readability-identifier-naming)
extern const std::uint64_t KeelInterruptDispatchReturn;
}
