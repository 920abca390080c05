#include "libk/sync/spin_lock.h"

#include <cstdint>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/sync/scoped_lock.h"
#include "libk/sync/testing/run_concurrently.h"

namespace libk {
namespace {

enum Op : int { kLock, kTryLock, kUnlock, kTryLockElsewhere, kOpCount };

// Returns the result of TryLock() on another thread, unlocking at once if it succeeded.
bool TryLockFromAnotherThread(SpinLock& lock) {
  bool acquired = false;
  std::thread([&] {
    if (lock.TryLock()) {
      acquired = true;
      lock.Unlock();
    }
  }).join();
  return acquired;
}

// Applies `ops` to a SpinLock and to a model (a bool), checking that they agree. Ops that
// would deadlock or misuse the lock in the model's state (Lock when held, Unlock when
// free) are skipped. The lock/unlock pairing depends on run-time data, which the
// analysis cannot follow.
void CheckAgainstModel(const std::vector<int>& ops) LIBK_NO_THREAD_SAFETY_ANALYSIS {
  SpinLock lock;
  bool held = false;
  for (const int op : ops) {
    switch (op) {
      case kLock:
        if (!held) {
          lock.Lock();
          held = true;
        }
        break;
      case kTryLock: {
        const bool acquired = lock.TryLock();
        RC_ASSERT(acquired == !held);
        held = true;
        break;
      }
      case kUnlock:
        if (held) {
          lock.Unlock();
          held = false;
        }
        break;
      case kTryLockElsewhere:
        RC_ASSERT(TryLockFromAnotherThread(lock) == !held);
        break;
      default:
        RC_FAIL("no such operation");
    }
    RC_ASSERT(lock.IsLocked() == held);
  }
  if (held) {
    lock.Unlock();
  }
}

RC_GTEST_PROP(SpinLockTest, AgreesWithABooleanModel, ()) {
  const auto ops = *rc::gen::container<std::vector<int>>(rc::gen::inRange(0, int{kOpCount}));
  CheckAgainstModel(ops);
}

TEST(SpinLockTest, StartsUnlocked) {
  const SpinLock lock;
  EXPECT_FALSE(lock.IsLocked());
}

TEST(SpinLockTest, ScopedLockHoldsForItsScope) {
  SpinLock lock;
  {
    const ScopedLock hold(lock);
    EXPECT_TRUE(lock.IsLocked());
    EXPECT_FALSE(TryLockFromAnotherThread(lock));
  }
  EXPECT_FALSE(lock.IsLocked());
  EXPECT_TRUE(TryLockFromAnotherThread(lock));
}

// Unlocking a free lock is outside what the analysis allows, hence the annotation.
void UnlockFreeLock() LIBK_NO_THREAD_SAFETY_ANALYSIS {
  SpinLock lock;
  lock.Unlock();
}

TEST(SpinLockDeathTest, UnlockingAFreeLockPanics) {
  EXPECT_DEATH(UnlockFreeLock(), "SpinLock::Unlock: not locked");
}

TEST(SpinLockDeathTest, AssertHeldPanicsWhenFree) {
  const SpinLock lock;
  EXPECT_DEATH(lock.AssertHeld(), "SpinLock::AssertHeld: not locked");
}

// A counter that keeps its lock next to it, as kernel structures do.
class Counter {
 public:
  void Increment() {
    const ScopedLock hold(lock_);
    // Two non-atomic updates that a torn critical section would leave unequal.
    const std::uint64_t value = value_;
    CpuRelax();
    value_ = value + 1;
    shadow_ = shadow_ + 1;
  }

  std::uint64_t Get() {
    const ScopedLock hold(lock_);
    EXPECT_EQ(value_, shadow_);
    return value_;
  }

 private:
  SpinLock lock_;
  std::uint64_t value_ LIBK_GUARDED_BY(lock_) = 0;
  std::uint64_t shadow_ LIBK_GUARDED_BY(lock_) = 0;
};

RC_GTEST_PROP(SpinLockTest, CountsExactlyUnderContention, ()) {
  const int threads = *rc::gen::inRange(1, 9);
  const int increments = *rc::gen::inRange(1, 3000);
  Counter counter;
  testing::RunConcurrently(threads, [&](int) {
    for (int i = 0; i < increments; ++i) {
      counter.Increment();
    }
  });
  RC_ASSERT(counter.Get() == std::uint64_t(threads) * std::uint64_t(increments));
}

}  // namespace
}  // namespace libk
