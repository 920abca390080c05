// Compiles: the correct counterpart of every snippet in this directory.
#include <cstdint>

#include "libk/panic/panic.h"

#include "kernel/arch/x86_64/idt_table.h"

namespace kernel::x86_64 {

void OnBreakpoint(InterruptFrame&) {}
void OnPageFault(InterruptFrame&, PageFaultErrorCode) {}
Never OnDoubleFault(InterruptFrame&, std::uint64_t) { libk::Panic("double fault"); }

void Install(IdtTable& idt) {
  idt.Set<ExceptionVector::kBreakpoint>(OnBreakpoint);
  idt.Set<ExceptionVector::kPageFault>(OnPageFault);
  idt.Set<ExceptionVector::kDoubleFault>(OnDoubleFault).SetStack(InterruptStack::kIst1);
}

}  // namespace kernel::x86_64
