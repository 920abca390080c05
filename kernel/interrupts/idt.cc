#include "kernel/interrupts/idt.h"

#include "libk/arch/x86_64/interrupt_frame.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/descriptor_tables.h"
#include "libk/arch/x86_64/raw/interrupt_entry.h"

#include "kernel/interrupts/segments.h"

namespace kernel::interrupts {
namespace {

namespace raw = libk::x86_64::raw;

// Constant-initialised: no gate is present until a handler is installed.
constinit libk::x86_64::IdtTable idt(KeelInterruptEntryPoints, kKernelSegments.code);

}  // namespace

libk::x86_64::IdtTable& internal::Idt() { return idt; }

void LoadIdt() {
  const raw::DescriptorTablePointer pointer{libk::x86_64::IdtTable::kLimit,
                                            raw::AddressOf(&idt.gates())};
  // SAFETY: `idt` is a global; a gate is present only with a handler (IdtTable's invariant)
  // and points at its vector's entry stub on kKernelSegments.code (loaded by LoadGdt);
  // later changes go through UpdateIdt, with interrupts disabled.
  raw::Lidt(pointer);
}

}  // namespace kernel::interrupts

// Called by every entry stub with the frame it saved (see raw/interrupt_entry.h).
extern "C" void KeelInterruptDispatch(libk::x86_64::InterruptFrame* frame) {
  kernel::interrupts::internal::Idt().Dispatch(*frame);
}
