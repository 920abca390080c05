// breakpoint: after interrupts::Init the CPU runs on the kernel's GDT, TSS and IDT; int3
// reaches the kernel's breakpoint handler, which reports it and returns, and a handler
// installed through the typed IDT API sees the interrupted registers and may change them.
#include <cstdint>

#include "libk/arch/x86_64/idt_table.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/descriptor_tables.h"
#include "libk/arch/x86_64/raw/traps.h"
#include "libk/panic/panic.h"

#include "kernel/console/print.h"
#include "kernel/interrupts/idt.h"
#include "kernel/interrupts/segments.h"
#include "kernel/testing/ktest.h"

namespace {

namespace raw = libk::x86_64::raw;
using kernel::interrupts::kKernelSegments;
using libk::x86_64::ExceptionVector;
using libk::x86_64::InterruptFrame;

KTEST(breakpoint, tables_are_loaded) {
  LIBK_ASSERT(raw::ReadCodeSegment() == kKernelSegments.code.raw(), "CS is {:#x}",
              raw::ReadCodeSegment());
  LIBK_ASSERT(raw::ReadStackSegment() == kKernelSegments.data.raw(), "SS is {:#x}",
              raw::ReadStackSegment());
  LIBK_ASSERT(raw::StoreTaskRegister() == kKernelSegments.tss.raw(), "TR is {:#x}",
              raw::StoreTaskRegister());
  LIBK_ASSERT(raw::Sgdt().limit == kernel::interrupts::kGdtSlots * 8 - 1, "GDT limit {}",
              raw::Sgdt().limit);
  const raw::DescriptorTablePointer idtr = raw::Sidt();
  LIBK_ASSERT(idtr.limit == libk::x86_64::IdtTable::kLimit, "IDT limit {}", idtr.limit);
  kernel::interrupts::UpdateIdt([&idtr](libk::x86_64::IdtTable& idt) {
    LIBK_ASSERT(idtr.base == raw::AddressOf(&idt.gates()), "the loaded IDT is not the kernel's");
  });
}

KTEST(breakpoint, int3_returns) {
  // SAFETY: interrupts::Init installed the kernel's breakpoint handler, which returns.
  raw::Int3();
  kernel::kprintln("breakpoint: execution continued");
}

InterruptFrame seen;

// Records the frame and changes the interrupted RAX.
void AddOneToRax(InterruptFrame& frame) {
  seen = frame;
  frame.rax += 1;
}

KTEST(breakpoint, handler_sees_and_changes_the_frame) {
  kernel::interrupts::UpdateIdt(
      [](libk::x86_64::IdtTable& idt) { idt.Set<ExceptionVector::kBreakpoint>(&AddOneToRax); });
  std::uint64_t local = 0;
  // SAFETY: AddOneToRax, installed just above, returns.
  const std::uint64_t rax = raw::Int3WithRax(41);
  LIBK_ASSERT(rax == 42, "RAX after the handler: {}", rax);
  LIBK_ASSERT(seen.vector == 3 && seen.error_code == 0, "vector {}, error code {}", seen.vector,
              seen.error_code);
  LIBK_ASSERT(seen.rax == 41, "the handler saw RAX = {}", seen.rax);
  LIBK_ASSERT(seen.cs == kKernelSegments.code.raw(), "saved CS {:#x}", seen.cs);
  LIBK_ASSERT(seen.ss == kKernelSegments.data.raw(), "saved SS {:#x}", seen.ss);
  // The interrupted stack pointer lies just below this frame's locals.
  const std::uint64_t here = raw::AddressOf(&local);
  LIBK_ASSERT(seen.rsp <= here && here - seen.rsp < 4096, "saved RSP {:#x}, local at {:#x}",
              seen.rsp, here);
  kernel::kprintln("breakpoint: handler saw rip {:#x}, rsp {:#x}", seen.rip, seen.rsp);
}

}  // namespace
