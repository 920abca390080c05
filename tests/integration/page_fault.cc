// page_fault: a write to an unmapped address reaches a page-fault handler installed through
// the typed IDT API, which gets the decoded error code and reads the address from CR2; it
// reports both and ends the run with success from inside the handler.
#include <cstdint>

#include "libk/arch/x86_64/control_registers.h"
#include "libk/arch/x86_64/error_code_format.h"
#include "libk/arch/x86_64/idt_table.h"
#include "libk/arch/x86_64/raw/mmio.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/interrupts/idt.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/main.h"
#include "kernel/qemu/exit.h"

namespace kernel {
namespace {

namespace raw = libk::x86_64::raw;
using libk::x86_64::PageFaultErrorCode;
using libk::x86_64::PageFaultFlag;

// Far from anything the boot page tables map.
constexpr std::uint64_t kUnmapped = 0xdeadbeef000;

void OnPageFault(libk::x86_64::InterruptFrame& frame, PageFaultErrorCode code) {
  const std::uint64_t address = libk::x86_64::ReadCr2();
  kprintln("page_fault: caught a page fault at {:#x} ({}), error code {:#x}, rip {:#x}", address,
           libk::x86_64::PageFaultDescription{code}, code.bits(), frame.rip);
  const bool as_expected = address == kUnmapped && code.Contains(PageFaultFlag::kWrite) &&
                           !code.Contains(PageFaultFlag::kPresent) &&
                           !code.Contains(PageFaultFlag::kUser);
  qemu::Exit(as_expected ? qemu::ExitCode::kSuccess : qemu::ExitCode::kFailure);
}

}  // namespace

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  interrupts::Init();
  interrupts::UpdateIdt([](libk::x86_64::IdtTable& idt) {
    idt.Set<libk::x86_64::ExceptionVector::kPageFault>(&OnPageFault);
  });
  kprintln("page_fault: writing to {:#x}", kUnmapped);
  // SAFETY: deliberately invalid: the address is unmapped, so the write faults before it
  // reaches any memory, and OnPageFault ends the run.
  raw::VolatileStore<std::uint64_t>(kUnmapped, 42);
  kprintln("page_fault: the write did not fault");
  qemu::Exit(qemu::ExitCode::kFailure);
}

}  // namespace kernel
