// Must not compile: a handler that expects only the five words the CPU pushes (a frame of
// the wrong size) instead of the InterruptFrame the entry stubs build.
#include <cstdint>

#include "libk/arch/x86_64/idt_table.h"

namespace libk::x86_64 {

struct CpuPushedFrame {
  std::uint64_t rip, cs, rflags, rsp, ss;
};

void OnBreakpoint(CpuPushedFrame&) {}

void Install(IdtTable& idt) { idt.Set<ExceptionVector::kBreakpoint>(OnBreakpoint); }

}  // namespace libk::x86_64
