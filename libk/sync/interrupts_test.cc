#include "libk/sync/interrupts.h"

#include <thread>

#include <gtest/gtest.h>

namespace libk::interrupts {
namespace {

TEST(InterruptsTest, EachThreadStartsWithInterruptsEnabled) {
  Disable();
  bool enabled_elsewhere = false;
  std::thread([&] { enabled_elsewhere = AreEnabled(); }).join();
  EXPECT_TRUE(enabled_elsewhere);
  EXPECT_FALSE(AreEnabled());
  Enable();
  EXPECT_TRUE(AreEnabled());
}

TEST(InterruptsTest, GuardDisablesThenRestoresEnabled) {
  ASSERT_TRUE(AreEnabled());
  {
    const InterruptGuard guard;
    EXPECT_TRUE(guard.were_enabled());
    EXPECT_FALSE(AreEnabled());
  }
  EXPECT_TRUE(AreEnabled());
}

TEST(InterruptsTest, GuardKeepsDisabledInterruptsDisabled) {
  Disable();
  {
    const InterruptGuard guard;
    EXPECT_FALSE(guard.were_enabled());
    EXPECT_FALSE(AreEnabled());
  }
  EXPECT_FALSE(AreEnabled());
  Enable();
}

TEST(InterruptsTest, NestedGuardsRestoreOnlyAtTheOutermost) {
  {
    const InterruptGuard outer;
    {
      const InterruptGuard inner;
      EXPECT_FALSE(inner.were_enabled());
    }
    EXPECT_FALSE(AreEnabled());
  }
  EXPECT_TRUE(AreEnabled());
}

TEST(InterruptsTest, WithoutInterruptsRunsDisabledAndReturnsTheResult) {
  const int result = WithoutInterrupts([] { return AreEnabled() ? 1 : 2; });
  EXPECT_EQ(result, 2);
  EXPECT_TRUE(AreEnabled());

  int value = 0;
  const int& ref = WithoutInterrupts([&]() -> int& { return value; });
  EXPECT_EQ(&ref, &value);
}

TEST(InterruptsTest, WithoutInterruptsPreservesDisabledState) {
  Disable();
  WithoutInterrupts([] { EXPECT_FALSE(AreEnabled()); });
  EXPECT_FALSE(AreEnabled());
  Enable();
}

}  // namespace
}  // namespace libk::interrupts
