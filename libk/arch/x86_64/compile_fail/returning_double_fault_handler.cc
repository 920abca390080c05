// Must not compile: a double-fault handler that may return (it returns void, not Never).
#include <cstdint>

#include "libk/arch/x86_64/idt_table.h"

namespace libk::x86_64 {

void OnDoubleFault(InterruptFrame&, std::uint64_t) {}

void Install(IdtTable& idt) { idt.Set<ExceptionVector::kDoubleFault>(OnDoubleFault); }

}  // namespace libk::x86_64
