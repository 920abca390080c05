// Must not compile: a page-fault handler (it takes an error code) installed for the
// breakpoint vector, whose handlers take none.
#include "libk/arch/x86_64/idt_table.h"

namespace libk::x86_64 {

void OnPageFault(InterruptFrame&, PageFaultErrorCode) {}

void Install(IdtTable& idt) { idt.Set<ExceptionVector::kBreakpoint>(OnPageFault); }

}  // namespace libk::x86_64
