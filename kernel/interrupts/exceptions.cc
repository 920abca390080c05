#include "kernel/interrupts/exceptions.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "libk/arch/x86_64/control_registers.h"
#include "libk/arch/x86_64/error_code_format.h"
#include "libk/arch/x86_64/exception_vector.h"
#include "libk/arch/x86_64/interrupt_handler.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/fmt/format.h"
#include "libk/panic/panic.h"

#include "kernel/console/print.h"
#include "kernel/interrupts/kernel_stacks.h"
#include "kernel/interrupts/segments.h"

namespace kernel::interrupts {
namespace {

namespace raw = libk::x86_64::raw;
using libk::x86_64::ExceptionVector;
using libk::x86_64::HandlerKind;
using libk::x86_64::InterruptFrame;
using libk::x86_64::Never;

// An address, printed as the kernel stack it lies on: "the boot stack", "the guard page
// of the boot stack" or "no kernel stack".
struct StackOf {
  std::uint64_t address;
};

// Returns the stack the current handler runs on (its frame is on it).
StackOf HandlerStack(const InterruptFrame& frame) { return StackOf{raw::AddressOf(&frame)}; }

// Returns whether `address` lies in the guard page under one of the kernel stacks.
bool InGuardPage(std::uint64_t address) {
  const auto location = KernelStacks().Locate(address);
  return location.has_value() && location->in_guard_page;
}

std::atomic<std::uint64_t> nmi_count{0};
static_assert(std::atomic<std::uint64_t>::is_always_lock_free,
              "the NMI handler counts without a lock: no lock keeps NMIs out");
std::atomic<bool> last_nmi_on_nmi_stack{false};

}  // namespace
}  // namespace kernel::interrupts

template <>
struct libk::Formatter<kernel::interrupts::StackOf> {
  static void Format(const kernel::interrupts::StackOf& stack, const FormatSpec& /*spec*/,
                     Sink& sink) {
    const auto location = kernel::interrupts::KernelStacks().Locate(stack.address);
    if (!location.has_value()) {
      sink.Write("no kernel stack");
    } else {
      libk::Format(sink, "{}the {}", location->in_guard_page ? "the guard page of " : "",
                   kernel::interrupts::StackSlotName(location->slot));
    }
  }
};

namespace kernel::interrupts {
namespace {

// A trap: the saved RIP is the instruction after int3, where execution resumes. It prints
// through the console lock, so code holding that lock must not execute int3.
void OnBreakpoint(InterruptFrame& frame) {
  kprintln("EXCEPTION: breakpoint; resuming at rip {:#x}", frame.rip);
}

void OnDivideError(InterruptFrame& frame) {
  LIBK_PANIC("EXCEPTION: divide error: rip {:#x}", frame.rip);
}

void OnInvalidOpcode(InterruptFrame& frame) {
  LIBK_PANIC("EXCEPTION: invalid opcode: rip {:#x}", frame.rip);
}

void OnGeneralProtection(InterruptFrame& frame, libk::x86_64::SelectorErrorCode code) {
  LIBK_PANIC("EXCEPTION: general protection fault, error code {:#x} ({}): rip {:#x}",
             frame.error_code, code, frame.rip);
}

void OnPageFault(InterruptFrame& frame, libk::x86_64::PageFaultErrorCode code) {
  const std::uint64_t address = libk::x86_64::ReadCr2();
  if (InGuardPage(address)) {
    LIBK_PANIC(
        "EXCEPTION: page fault at address {:#x}, error code {:#x} ({}), in a stack guard page "
        "({}; kernel stack overflow): rip {:#x}",
        address, code.bits(), libk::x86_64::PageFaultDescription{code}, StackOf{address},
        frame.rip);
  }
  LIBK_PANIC("EXCEPTION: page fault at address {:#x}, error code {:#x} ({}): rip {:#x}", address,
             code.bits(), libk::x86_64::PageFaultDescription{code}, frame.rip);
}

// Runs on the double-fault stack, so it works even when the fault was a stack overflow:
// the page fault of the first push into the guard page cannot push its own frame there,
// which is what turns it into a double fault. CR2 still holds that page fault's address.
Never OnDoubleFault(InterruptFrame& frame, std::uint64_t error_code) {
  const std::uint64_t address = libk::x86_64::ReadCr2();
  if (InGuardPage(address)) {
    LIBK_PANIC(
        "EXCEPTION: DOUBLE FAULT, kernel stack overflow into {}, handler on {}: CR2 {:#x}, "
        "rip {:#x}, rsp {:#x}",
        StackOf{address}, HandlerStack(frame), address, frame.rip, frame.rsp);
  }
  LIBK_PANIC(
      "EXCEPTION: DOUBLE FAULT, error code {:#x}, handler on {}: CR2 {:#x}, rip {:#x}, "
      "rsp {:#x}",
      error_code, HandlerStack(frame), address, frame.rip, frame.rsp);
}

// Counts NMIs and returns. It must not print: an NMI can arrive while the console lock is
// held, and no lock keeps NMIs out.
void OnNonMaskableInterrupt(InterruptFrame& frame) {
  const auto location = KernelStacks().Locate(raw::AddressOf(&frame));
  last_nmi_on_nmi_stack.store(location.has_value() &&
                              location->slot == boot::StackSlot::kNonMaskableInterrupt);
  nmi_count.fetch_add(1);
}

Never OnMachineCheck(InterruptFrame& frame) {
  LIBK_PANIC("EXCEPTION: machine check, handler on {}: rip {:#x}", HandlerStack(frame), frame.rip);
}

// Reports an exception the kernel has no specific handler for.
[[noreturn]] void Unexpected(const InterruptFrame& frame) {
  LIBK_PANIC("EXCEPTION: {} (vector {}), error code {:#x}, no handler: rip {:#x}",
             libk::x86_64::ExceptionName(static_cast<ExceptionVector>(frame.vector)), frame.vector,
             frame.error_code, frame.rip);
}

// Reports an interrupt on a vector nothing uses.
void UnexpectedInterrupt(InterruptFrame& frame) {
  LIBK_PANIC("unexpected interrupt on vector {}, no handler: rip {:#x}", frame.vector, frame.rip);
}

// Installs Unexpected for exception V with the signature V requires.
template <ExceptionVector V>
void InstallUnexpected(libk::x86_64::IdtTable& idt) {
  constexpr HandlerKind kKind = libk::x86_64::KindOf(V);
  if constexpr (kKind == HandlerKind::kPlain) {
    idt.Set<V>([](InterruptFrame& frame) { Unexpected(frame); });
  } else if constexpr (kKind == HandlerKind::kDiverging) {
    idt.Set<V>([](InterruptFrame& frame) -> Never { Unexpected(frame); });
  } else if constexpr (kKind == HandlerKind::kDivergingWithErrorCode) {
    idt.Set<V>([](InterruptFrame& frame, auto) -> Never { Unexpected(frame); });
  } else if constexpr (kKind != HandlerKind::kReserved) {
    idt.Set<V>([](InterruptFrame& frame, auto) { Unexpected(frame); });
  }
}

template <std::size_t... kVectors>
void InstallUnexpectedExceptions(libk::x86_64::IdtTable& idt, std::index_sequence<kVectors...>) {
  (InstallUnexpected<static_cast<ExceptionVector>(kVectors)>(idt), ...);
}

}  // namespace

void InstallExceptionHandlers(libk::x86_64::IdtTable& idt) {
  InstallUnexpectedExceptions(idt, std::make_index_sequence<libk::x86_64::kFirstInterruptVector>());
  for (int vector = libk::x86_64::kFirstInterruptVector; vector < libk::x86_64::kIdtEntries;
       ++vector) {
    idt.SetInterrupt(vector, &UnexpectedInterrupt);
  }
  idt.Set<ExceptionVector::kDivideError>(&OnDivideError);
  idt.Set<ExceptionVector::kBreakpoint>(&OnBreakpoint);
  idt.Set<ExceptionVector::kInvalidOpcode>(&OnInvalidOpcode);
  idt.Set<ExceptionVector::kGeneralProtection>(&OnGeneralProtection);
  idt.Set<ExceptionVector::kPageFault>(&OnPageFault);
  idt.Set<ExceptionVector::kDoubleFault>(&OnDoubleFault)
      .SetStack(InterruptStackFor(ExceptionVector::kDoubleFault));
  idt.Set<ExceptionVector::kNonMaskableInterrupt>(&OnNonMaskableInterrupt)
      .SetStack(InterruptStackFor(ExceptionVector::kNonMaskableInterrupt));
  idt.Set<ExceptionVector::kMachineCheck>(&OnMachineCheck)
      .SetStack(InterruptStackFor(ExceptionVector::kMachineCheck));
}

NmiReport Nmis() { return NmiReport{nmi_count.load(), last_nmi_on_nmi_stack.load()}; }

const std::atomic<std::uint64_t>& NmiCounter() { return nmi_count; }

}  // namespace kernel::interrupts
