#include "kernel/interrupts/segments.h"

#include <cstdint>
#include <set>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

namespace kernel::interrupts {
namespace {

using libk::x86_64::ExceptionVector;
using libk::x86_64::InterruptStack;

TEST(KernelSegments, MatchTheBootSelectors) {
  // The boot GDT uses 0x08 and 0x10 too, so nothing changes meaning during the switch.
  EXPECT_EQ(kKernelSegments.code.raw(), 0x08);
  EXPECT_EQ(kKernelSegments.data.raw(), 0x10);
  EXPECT_EQ(kKernelSegments.tss.raw(), 0x18);
}

RC_GTEST_PROP(BuildGdt, TssDescriptorNamesTheTss, (std::uint64_t tss_address)) {
  KernelSegments segments;
  const auto gdt = BuildGdt(tss_address, &segments);
  RC_ASSERT(segments.tss == kKernelSegments.tss);
  const int slot = segments.tss.index();
  const auto tss =
      libk::x86_64::SystemSegmentDescriptor::FromRaw(gdt.slot(slot), gdt.slot(slot + 1));
  const auto d = tss.Decode();
  RC_ASSERT(d.base == tss_address);
  RC_ASSERT(d.limit == sizeof(libk::x86_64::TaskStateSegment) - 1);
  RC_ASSERT(d.type == libk::x86_64::SystemSegmentType::kTssAvailable);
  RC_ASSERT(d.present);
  RC_ASSERT(gdt.slot(kKernelSegments.code.index()) ==
            libk::x86_64::SegmentDescriptor::KernelCode64().raw());
  RC_ASSERT(gdt.slot(kKernelSegments.data.index()) ==
            libk::x86_64::SegmentDescriptor::KernelData().raw());
}

// Each emergency gate's IST slot holds the top of that exception's own stack slot, and no
// two exceptions share an IST slot or a stack.
RC_GTEST_PROP(BuildTss, EmergencyStacksGetTheirOwnStackTops, ()) {
  const auto page = *rc::gen::inRange<std::uint64_t>(0, std::uint64_t{1} << 40);
  const StackLayout layout(0xffff800000000000 + (page * 4096));
  const libk::x86_64::TaskStateSegment tss = BuildTss(layout);
  std::set<std::uint64_t> tops;
  std::set<InterruptStack> slots;
  for (const EmergencyStack& stack : kEmergencyStacks) {
    RC_ASSERT(stack.ist != InterruptStack::kNone);
    RC_ASSERT(InterruptStackFor(stack.vector) == stack.ist);
    const std::uint64_t top = tss.GetInterruptStack(stack.ist);
    RC_ASSERT(top == layout.Region(stack.slot).top);
    RC_ASSERT(top % 16 == 0);
    tops.insert(top);
    slots.insert(stack.ist);
  }
  RC_ASSERT(tops.size() == std::size(kEmergencyStacks));
  RC_ASSERT(slots.size() == std::size(kEmergencyStacks));
  RC_ASSERT(tops.count(layout.Region(boot::StackSlot::kBoot).top) == 0U);
}

TEST(InterruptStackFor, OnlyTheEmergencyExceptionsSwitchStacks) {
  EXPECT_EQ(InterruptStackFor(ExceptionVector::kDoubleFault), InterruptStack::kIst1);
  EXPECT_EQ(InterruptStackFor(ExceptionVector::kNonMaskableInterrupt), InterruptStack::kIst2);
  EXPECT_EQ(InterruptStackFor(ExceptionVector::kMachineCheck), InterruptStack::kIst3);
  EXPECT_EQ(InterruptStackFor(ExceptionVector::kPageFault), InterruptStack::kNone);
  EXPECT_EQ(InterruptStackFor(ExceptionVector::kBreakpoint), InterruptStack::kNone);
}

}  // namespace
}  // namespace kernel::interrupts
