// Compiles: the correct counterpart of every snippet in this directory.
#include <cstdint>

#include "libk/arch/x86_64/idt_table.h"
#include "libk/panic/panic.h"

namespace libk::x86_64 {

// External linkage keeps every body compiled and checked without unused-function warnings.
// NOLINTBEGIN(misc-use-internal-linkage)
void OnBreakpoint(InterruptFrame&) {}
void OnPageFault(InterruptFrame&, PageFaultErrorCode) {}
Never OnDoubleFault(InterruptFrame&, std::uint64_t) { libk::Panic("double fault"); }

void Install(IdtTable& idt) {
  idt.Set<ExceptionVector::kBreakpoint>(OnBreakpoint);
  idt.Set<ExceptionVector::kPageFault>(OnPageFault);
  idt.Set<ExceptionVector::kDoubleFault>(OnDoubleFault).SetStack(InterruptStack::kIst1);
}
// NOLINTEND(misc-use-internal-linkage)

}  // namespace libk::x86_64
