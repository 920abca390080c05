// Tests of held_locks: every way of taking a spinlock is counted, the outermost
// acquisition site is what a failed AssertNoneHeld names, and each thread has its own count.
#include "libk/sync/held_locks.h"

#include <atomic>
#include <string>

#include <gtest/gtest.h>

#include "libk/sync/irq_spin_lock.h"
#include "libk/sync/mutex.h"
#include "libk/sync/scoped_lock.h"
#include "libk/sync/spin_lock.h"
#include "libk/sync/testing/run_concurrently.h"

namespace libk {
namespace {

TEST(HeldLocksTest, EveryKindOfAcquisitionIsCounted) {
  SpinLock spin;
  IrqSpinLock irq;
  Mutex<int> mutex(0);
  IrqMutex<int> irq_mutex(0);
  EXPECT_EQ(held_locks::Count(), 0U);
  spin.Lock();
  EXPECT_EQ(held_locks::Count(), 1U);
  irq.Lock();
  EXPECT_EQ(held_locks::Count(), 2U);
  {
    auto guard = mutex.Lock();
    EXPECT_EQ(held_locks::Count(), 3U);
    if (auto maybe = irq_mutex.TryLock()) {
      EXPECT_EQ(held_locks::Count(), 4U);
    }
    EXPECT_EQ(held_locks::Count(), 3U);
  }
  irq.Unlock();
  spin.Unlock();
  EXPECT_EQ(held_locks::Count(), 0U);
  {
    const ScopedLock hold(spin);
    EXPECT_EQ(held_locks::Count(), 1U);
  }
  EXPECT_EQ(mutex.With([](int&) { return held_locks::Count(); }), 1U);
  EXPECT_EQ(held_locks::Count(), 0U);
}

TEST(HeldLocksTest, AFailedTryLockCountsNothing) {
  SpinLock spin;
  spin.Lock();
  EXPECT_FALSE(spin.TryLock());
  EXPECT_EQ(held_locks::Count(), 1U);
  spin.Unlock();
  EXPECT_EQ(held_locks::Count(), 0U);
}

TEST(HeldLocksTest, AssertNoneHeldPassesWithNoLock) { held_locks::AssertNoneHeld("co_await"); }

// Takes two locks, the outer one on the line kOuterLockLine, and checks for held locks.
constexpr int kOuterLockLine = __LINE__ + 4;
void AwaitWithTwoLocksHeld() {
  Mutex<int> outer(0);
  IrqMutex<int> inner(0);
  auto outer_guard = outer.Lock();
  auto inner_guard = inner.Lock();
  held_locks::AssertNoneHeld("co_await");
}

TEST(HeldLocksTest, AssertNoneHeldNamesTheOutermostAcquisition) {
  EXPECT_DEATH(
      AwaitWithTwoLocksHeld(),
      "held_locks_test.cc:[0-9]+ in AwaitWithTwoLocksHeld: co_await with 2 spinlock\\(s\\) "
      "held; the outermost was taken at .*held_locks_test.cc:" +
          std::to_string(kOuterLockLine) + " in AwaitWithTwoLocksHeld");
}

TEST(HeldLocksTest, EachThreadCountsItsOwnLocks) {
  std::atomic<int> wrong{0};
  SpinLock locks[4];
  testing::RunConcurrently(4, [&](int i) {
    for (int round = 0; round < 1000; ++round) {
      const ScopedLock hold(locks[i]);
      if (held_locks::Count() != 1) wrong.fetch_add(1);
    }
    if (held_locks::Count() != 0) wrong.fetch_add(1);
  });
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace libk
