// Must not compile: installing a handler for a reserved vector (15).
#include "libk/arch/x86_64/idt_table.h"

namespace libk::x86_64 {

void OnReserved(InterruptFrame&) {}

void Install(IdtTable& idt) { idt.Set<ExceptionVector::kReserved15>(OnReserved); }

}  // namespace libk::x86_64
