#include "kernel/panic/backtrace.h"

#include <cstddef>

#include "libk/arch/x86_64/control_registers.h"
#include "libk/arch/x86_64/raw/interrupt_entry.h"
#include "libk/arch/x86_64/raw/memory.h"
#include "libk/containers/span.h"
#include "libk/result/optional.h"

#include "kernel/debug/backtrace.h"
#include "kernel/debug/symbol_table.h"
#include "kernel/interrupts/kernel_stacks.h"

// The .keel_symbols section, from boot/linker.ld.
// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" const char __keel_symbols_start[];
extern "C" const char __keel_symbols_end[];
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)

namespace kernel::panic {
namespace {

namespace raw = libk::x86_64::raw;

// The space of the symbol table: zeros at link time, the table once
// kernel/debug/make_symbol_table.py has run (every kernel_image does). Read only through
// __keel_symbols_start, so the compiler cannot assume the zeros.
[[gnu::section(".keel_symbols"),
  gnu::used]] const char kSymbolTableSpace[debug::kSymbolTableReservedBytes] = {};

libk::Optional<debug::SymbolTable> LinkedSymbols() {
  const auto bytes = libk::Span<const char>(
      __keel_symbols_start, static_cast<std::size_t>(__keel_symbols_end - __keel_symbols_start));
  auto table = debug::SymbolTable::Parse(bytes);
  if (table.is_error()) {
    return libk::kNone;
  }
  return table.value();
}

class KernelMachine final : public debug::BacktraceMachine {
 public:
  KernelMachine() : symbols_(LinkedSymbols()) {}

  libk::Optional<debug::StackBounds> StackContaining(std::uint64_t address) const override {
    const interrupts::StackLayout stacks = interrupts::KernelStacks();
    const auto location = stacks.Locate(address);
    if (!location.has_value()) {
      return libk::kNone;
    }
    const interrupts::StackRegion region = stacks.Region(location->slot);
    return debug::StackBounds{region.bottom, region.top};
  }

  std::uint64_t ReadWord(std::uint64_t address) const override {
    // SAFETY: debug::WriteBacktrace reads only 8-byte aligned words inside the bounds
    // StackContaining gave: the stack pages of a .stacks slot (never its guard page),
    // which the boot page tables map readable.
    return raw::ReadWord(address);
  }

  std::uint64_t InterruptReturnAddress() const override { return KeelInterruptDispatchReturn; }

  libk::Optional<debug::SymbolMatch> Symbolize(std::uint64_t address) const override {
    if (!symbols_.has_value()) {
      return libk::kNone;
    }
    return symbols_->Lookup(address);
  }

  std::uint64_t PageFaultAddress() const override { return libk::x86_64::ReadCr2(); }

 private:
  libk::Optional<debug::SymbolTable> symbols_;
};

}  // namespace

void WriteBacktrace(libk::Sink& sink, std::uint64_t frame_pointer) {
  const KernelMachine machine;
  debug::WriteBacktrace(sink, machine, frame_pointer);
}

}  // namespace kernel::panic
