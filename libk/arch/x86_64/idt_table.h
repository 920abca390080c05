// An in-memory Interrupt Descriptor Table with typed handlers. Every gate points at the
// vector's assembly entry stub; the stub saves an InterruptFrame and calls Dispatch, which
// calls the handler installed for the vector with the signature the vector requires.
// Building the table is pure; loading it (`lidt`) belongs to the unsafe layer.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/exception_vector.h"
#include "libk/arch/x86_64/gate_descriptor.h"
#include "libk/arch/x86_64/interrupt_frame.h"
#include "libk/arch/x86_64/interrupt_handler.h"
#include "libk/arch/x86_64/segment_selector.h"
#include "libk/panic/panic.h"

namespace libk::x86_64 {

// Adjusts one gate after a handler was installed (e.g. its stack or privilege level).
class GateOptions {
 public:
  explicit constexpr GateOptions(GateDescriptor& gate) : gate_(&gate) {}

  // Makes the CPU switch to `stack` (an IST slot of the TSS) when entering this gate.
  constexpr GateOptions& SetStack(InterruptStack stack) {
    return Update([stack](GateDescription& d) { d.stack = stack; });
  }
  // Lets code running at `dpl` (or more privileged) reach this gate with `int n`.
  constexpr GateOptions& SetPrivilegeLevel(PrivilegeLevel dpl) {
    return Update([dpl](GateDescription& d) { d.dpl = dpl; });
  }
  // Makes the gate an interrupt gate (IF cleared on entry, the default) or a trap gate.
  constexpr GateOptions& SetType(GateType type) {
    return Update([type](GateDescription& d) { d.type = type; });
  }

 private:
  template <typename F>
  constexpr GateOptions& Update(F change) {
    GateDescription d = gate_->Decode();
    change(d);
    *gate_ = GateDescriptor::Encode(d);
    return *this;
  }

  GateDescriptor* gate_;
};

// The IDT: 256 hardware gates followed by the handler each vector dispatches to.
// Invariant: a gate is present exactly when its vector has a handler, and the handler is
// stored as the HandlerFor type of its vector (HandlerFunc for vectors 32..255).
class IdtTable {
 public:
  // The size of the hardware table minus one, the `lidt` limit.
  static constexpr std::uint16_t kLimit = (kIdtEntries * sizeof(GateDescriptor)) - 1;

  // Creates a table with no gate present. `entry_points[v]` is the address of the entry
  // stub for vector v; `code_selector` is the kernel code segment handlers run on.
  constexpr IdtTable(const std::uint64_t (&entry_points)[kIdtEntries],
                     SegmentSelector code_selector)
      : entry_points_(entry_points), code_selector_(code_selector) {}

  // Installs `handler` for exception V and marks its gate present (an interrupt gate on
  // the current stack, reachable from ring 0 only, until changed through the result).
  template <ExceptionVector V>
  constexpr GateOptions Set(typename HandlerFor<V>::type handler) {
    LIBK_ASSERT(handler != nullptr, "null interrupt handler");
    return Install(static_cast<int>(V), Slot(handler));
  }

  // Installs `handler` for an interrupt vector (32..255).
  constexpr GateOptions SetInterrupt(int vector, HandlerFunc handler) {
    LIBK_ASSERT(vector >= kFirstInterruptVector && vector < kIdtEntries,
                "not an interrupt vector: use Set<ExceptionVector> for 0..31");
    LIBK_ASSERT(handler != nullptr, "null interrupt handler");
    return Install(vector, Slot(handler));
  }

  // Calls the handler for `frame.vector` with the arguments its signature asks for.
  // Panics if no handler is installed (the CPU would not have used a non-present gate).
  void Dispatch(InterruptFrame& frame) const {
    LIBK_ASSERT(frame.vector < kIdtEntries, "vector out of range");
    const int vector = static_cast<int>(frame.vector);
    LIBK_ASSERT(gates_[vector].present(), "interrupt without a handler");
    const Slot& slot = handlers_[vector];
    if (vector >= kFirstInterruptVector) {
      slot.plain(frame);
      return;
    }
    switch (KindOf(static_cast<ExceptionVector>(vector))) {
      case HandlerKind::kPlain:
        slot.plain(frame);
        return;
      case HandlerKind::kWithErrorCode:
        slot.with_error_code(frame, frame.error_code);
        return;
      case HandlerKind::kSelectorFault:
        slot.selector_fault(frame, SelectorErrorCode::Decode(frame.error_code));
        return;
      case HandlerKind::kPageFault:
        slot.page_fault(frame, PageFaultErrorCode::FromBitsRetain(frame.error_code));
        return;
      case HandlerKind::kDiverging:
        slot.diverging(frame);
        break;
      case HandlerKind::kDivergingWithErrorCode:
        slot.diverging_with_error_code(frame, frame.error_code);
        break;
      case HandlerKind::kReserved:
        break;
    }
    libk::Panic("reserved vector dispatched, or a diverging handler returned");
  }

  // Returns the gate of `vector`.
  constexpr const GateDescriptor& gate(int vector) const {
    LIBK_ASSERT(vector >= 0 && vector < kIdtEntries, "vector out of range");
    return gates_[vector];
  }

  // Returns the hardware table, whose address `lidt` takes.
  constexpr const GateDescriptor (&gates() const)[kIdtEntries] { return gates_; }

 private:
  // The handler of one vector, stored as its own signature.
  union Slot {
    constexpr Slot() : plain(nullptr) {}
    constexpr explicit Slot(HandlerFunc h) : plain(h) {}
    constexpr explicit Slot(HandlerWithErrorCode h) : with_error_code(h) {}
    constexpr explicit Slot(SelectorFaultHandler h) : selector_fault(h) {}
    constexpr explicit Slot(PageFaultHandler h) : page_fault(h) {}
    constexpr explicit Slot(DivergingHandler h) : diverging(h) {}
    constexpr explicit Slot(DivergingHandlerWithErrorCode h) : diverging_with_error_code(h) {}

    HandlerFunc plain;
    HandlerWithErrorCode with_error_code;
    SelectorFaultHandler selector_fault;
    PageFaultHandler page_fault;
    DivergingHandler diverging;
    DivergingHandlerWithErrorCode diverging_with_error_code;
  };

  constexpr GateOptions Install(int vector, Slot slot) {
    handlers_[vector] = slot;
    gates_[vector] = GateDescriptor::Encode(
        {.offset = entry_points_[vector], .selector = code_selector_, .present = true});
    return GateOptions(gates_[vector]);
  }

  alignas(16) GateDescriptor gates_[kIdtEntries];
  Slot handlers_[kIdtEntries];
  const std::uint64_t* entry_points_;
  SegmentSelector code_selector_;
};

}  // namespace libk::x86_64
