// The kernel's segment layout, built by pure code: the GDT (flat ring-0 code and data and a
// TSS) and the TSS, whose interrupt stack table points the double-fault, NMI and
// machine-check gates at their own guarded stacks. Loading them is gdt.cc's job.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/exception_vector.h"
#include "libk/arch/x86_64/gdt_table.h"
#include "libk/arch/x86_64/segment_descriptor.h"
#include "libk/arch/x86_64/segment_selector.h"
#include "libk/arch/x86_64/task_state_segment.h"

#include "boot/boot_constants.h"
#include "kernel/interrupts/stack_layout.h"

namespace kernel::interrupts {

// The selectors of the kernel's GDT.
struct KernelSegments {
  libk::x86_64::SegmentSelector code;
  libk::x86_64::SegmentSelector data;
  libk::x86_64::SegmentSelector tss;
};

// Null, code, data and the two slots of the TSS descriptor.
inline constexpr int kGdtSlots = 5;

// Returns the kernel's GDT for a TSS at linear address `tss_address`; sets `*segments` to
// the selectors it hands out, when not null.
constexpr libk::x86_64::GdtTable<kGdtSlots> BuildGdt(std::uint64_t tss_address,
                                                     KernelSegments* segments = nullptr) {
  libk::x86_64::GdtTable<kGdtSlots> gdt;
  KernelSegments selectors;
  selectors.code = gdt.Append(libk::x86_64::SegmentDescriptor::KernelCode64());
  selectors.data = gdt.Append(libk::x86_64::SegmentDescriptor::KernelData());
  selectors.tss = gdt.Append(libk::x86_64::SystemSegmentDescriptor::Tss(
      tss_address, sizeof(libk::x86_64::TaskStateSegment)));
  if (segments != nullptr) *segments = selectors;
  return gdt;
}

// The selectors, known at compile time (they do not depend on the TSS's address).
inline constexpr KernelSegments kKernelSegments = [] {
  KernelSegments segments;
  BuildGdt(0, &segments);
  return segments;
}();

// An exception that gets a stack of its own, through an IST slot of the TSS.
struct EmergencyStack {
  libk::x86_64::ExceptionVector vector;
  libk::x86_64::InterruptStack ist;
  boot::StackSlot slot;
};

// The exceptions that must not run on the interrupted stack: a double fault may come from
// a stack overflow, and an NMI or a machine check may arrive at any instruction.
inline constexpr EmergencyStack kEmergencyStacks[] = {
    {libk::x86_64::ExceptionVector::kDoubleFault, libk::x86_64::InterruptStack::kIst1,
     boot::StackSlot::kDoubleFault},
    {libk::x86_64::ExceptionVector::kNonMaskableInterrupt, libk::x86_64::InterruptStack::kIst2,
     boot::StackSlot::kNonMaskableInterrupt},
    {libk::x86_64::ExceptionVector::kMachineCheck, libk::x86_64::InterruptStack::kIst3,
     boot::StackSlot::kMachineCheck},
};

// Returns the IST slot the gate of `vector` uses (kNone: the interrupted stack).
constexpr libk::x86_64::InterruptStack InterruptStackFor(libk::x86_64::ExceptionVector vector) {
  for (const EmergencyStack& stack : kEmergencyStacks) {
    if (stack.vector == vector) return stack.ist;
  }
  return libk::x86_64::InterruptStack::kNone;
}

// Returns the TSS: each emergency stack's IST slot holds the top of its stack slot in
// `stacks`; nothing else is set (keel runs in ring 0 only, so RSP0-2 are unused).
constexpr libk::x86_64::TaskStateSegment BuildTss(const StackLayout& stacks) {
  libk::x86_64::TaskStateSegment tss;
  for (const EmergencyStack& stack : kEmergencyStacks) {
    tss.SetInterruptStack(stack.ist, stacks.Region(stack.slot).top);
  }
  return tss;
}

}  // namespace kernel::interrupts
