#include "kernel/interrupts/stack_layout.h"

#include <cstdint>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

namespace kernel::interrupts {
namespace {

constexpr std::uint64_t kStart = 0xffffffff80200000;

rc::Gen<std::uint64_t> PageAlignedStart() {
  return rc::gen::map(rc::gen::inRange<std::uint64_t>(0, std::uint64_t{1} << 40),
                      [](std::uint64_t page) { return 0xffff800000000000 + (page * 4096); });
}

TEST(StackLayout, SlotsFollowTheLinkerScript) {
  const StackLayout layout(kStart);
  const StackRegion boot_stack = layout.Region(boot::StackSlot::kBoot);
  EXPECT_EQ(boot_stack.guard, kStart);
  EXPECT_EQ(boot_stack.bottom, kStart + boot::kPageBytes);
  EXPECT_EQ(boot_stack.top, kStart + boot::kStackSlotBytes);
  const StackRegion machine_check = layout.Region(boot::StackSlot::kMachineCheck);
  EXPECT_EQ(machine_check.guard, kStart + (3 * boot::kStackSlotBytes));
  EXPECT_EQ(machine_check.top, layout.end());
}

// Every slot's region is where Locate says, and the regions tile the section.
RC_GTEST_PROP(StackLayout, LocateFindsTheRegionThatContainsTheAddress, ()) {
  const StackLayout layout(*PageAlignedStart());
  const auto slot = static_cast<boot::StackSlot>(*rc::gen::inRange(0, int{boot::kStackCount}));
  const StackRegion region = layout.Region(slot);
  RC_ASSERT(region.bottom - region.guard == boot::kPageBytes);
  RC_ASSERT(region.top - region.bottom == boot::kStackBytes);
  RC_ASSERT(region.top % 16 == 0);
  const std::uint64_t address = *rc::gen::inRange(region.guard, region.top);
  const auto location = layout.Locate(address);
  RC_ASSERT(location.has_value());
  RC_ASSERT(location->slot == slot);
  RC_ASSERT(location->in_guard_page == (address < region.bottom));
}

RC_GTEST_PROP(StackLayout, AddressesOutsideTheSectionAreNoStack, ()) {
  const std::uint64_t start = *PageAlignedStart();
  const StackLayout layout(start);
  const std::uint64_t below = *rc::gen::inRange<std::uint64_t>(0, start);
  const std::uint64_t above = *rc::gen::inRange<std::uint64_t>(layout.end(), ~std::uint64_t{0});
  RC_ASSERT(!layout.Locate(below).has_value());
  RC_ASSERT(!layout.Locate(above).has_value());
}

TEST(StackLayout, EdgesOfTheSection) {
  const StackLayout layout(kStart);
  EXPECT_FALSE(layout.Locate(kStart - 1).has_value());
  EXPECT_FALSE(layout.Locate(layout.end()).has_value());
  EXPECT_EQ(layout.Locate(kStart).value(), (StackLocation{boot::StackSlot::kBoot, true}));
  EXPECT_EQ(layout.Locate(layout.end() - 1).value(),
            (StackLocation{boot::StackSlot::kMachineCheck, false}));
  // The last word pushed on the double-fault stack, and the overflow below the boot stack.
  EXPECT_EQ(layout.Locate(layout.Region(boot::StackSlot::kDoubleFault).top - 8).value(),
            (StackLocation{boot::StackSlot::kDoubleFault, false}));
  EXPECT_EQ(layout.Locate(layout.Region(boot::StackSlot::kBoot).bottom - 8).value(),
            (StackLocation{boot::StackSlot::kBoot, true}));
}

TEST(StackLayoutDeathTest, RejectsAnUnalignedStart) {
  EXPECT_DEATH(StackLayout(kStart + 8), "page-aligned");
}

}  // namespace
}  // namespace kernel::interrupts
