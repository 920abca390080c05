// Must not compile: a page-fault handler (it takes an error code) installed for the
// breakpoint vector, whose handlers take none.
#include "libk/arch/x86_64/idt_table.h"

namespace kernel::x86_64 {

void OnPageFault(InterruptFrame&, PageFaultErrorCode) {}

void Install(IdtTable& idt) { idt.Set<ExceptionVector::kBreakpoint>(OnPageFault); }

}  // namespace kernel::x86_64
