#include "libk/sync/irq_spin_lock.h"

#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/sync/interrupts.h"
#include "libk/sync/scoped_lock.h"

namespace libk {
namespace {

using interrupts::AreEnabled;
using interrupts::InterruptGuard;

TEST(IrqSpinLockTest, DisablesInterruptsWhileHeld) {
  IrqSpinLock lock;
  {
    const ScopedLock hold(lock);
    EXPECT_TRUE(lock.IsLocked());
    EXPECT_FALSE(AreEnabled());
  }
  EXPECT_FALSE(lock.IsLocked());
  EXPECT_TRUE(AreEnabled());
}

// Returns the result of TryLock() on another thread, and whether that thread's interrupts
// were enabled afterwards. Unlocks at once if it succeeded.
std::pair<bool, bool> TryLockFromAnotherThread(IrqSpinLock& lock) {
  std::pair<bool, bool> result{false, false};
  std::thread([&] {
    if (lock.TryLock()) {
      result.first = true;
      lock.Unlock();
    }
    result.second = AreEnabled();
  }).join();
  return result;
}

TEST(IrqSpinLockTest, FailedTryLockLeavesInterruptsAlone) {
  IrqSpinLock lock;
  const ScopedLock hold(lock);
  const auto [acquired, enabled_after] = TryLockFromAnotherThread(lock);
  EXPECT_FALSE(acquired);
  EXPECT_TRUE(enabled_after);
}

// The operations of the model test. Each pushes or pops the stack of things that
// disable interrupts; the model is that stack of saved states plus the current flag.
enum Op : int {
  kPushGuard,    // Make an InterruptGuard.
  kLockA,        // Lock() lock A, if free.
  kTryLockB,     // TryLock() lock B.
  kPop,          // End the innermost guard or lock.
  kToggle,       // Enable or Disable directly, when nothing is held.
  kTryLockHeld,  // TryLock() a held lock: must fail and leave the flag alone.
  kOpCount,
};

struct Held {
  std::unique_ptr<InterruptGuard> guard;  // Set for a guard,
  IrqSpinLock* lock = nullptr;            // or for a lock.
  bool saved_flag;                        // The model's flag before it was pushed.
};

// Applies `ops` to real guards and locks and to the model, checking after each that the
// simulated interrupt flag and the locks' states agree with it. Locks are taken and
// released according to run-time data, which the analysis cannot follow. One switch over
// the operations reads better than helpers threading the model and the locks through.
// NOLINTNEXTLINE(readability-function-cognitive-complexity)
void CheckAgainstModel(const std::vector<int>& ops) LIBK_NO_THREAD_SAFETY_ANALYSIS {
  IrqSpinLock a;
  IrqSpinLock b;
  std::vector<Held> stack;
  bool flag = AreEnabled();
  auto holds = [&](const IrqSpinLock& lock) {
    for (const Held& held : stack) {
      if (held.lock == &lock) return true;
    }
    return false;
  };
  for (const int op : ops) {
    switch (op) {
      case kPushGuard:
        stack.push_back({std::make_unique<InterruptGuard>(), nullptr, flag});
        flag = false;
        break;
      case kLockA:
        if (!holds(a)) {
          a.Lock();
          stack.push_back({nullptr, &a, flag});
          flag = false;
        }
        break;
      case kTryLockB:
        if (!holds(b)) {
          RC_ASSERT(b.TryLock());
          stack.push_back({nullptr, &b, flag});
          flag = false;
        }
        break;
      case kPop:
        if (!stack.empty()) {
          Held& top = stack.back();
          if (top.lock != nullptr) top.lock->Unlock();
          flag = top.saved_flag;
          stack.pop_back();  // Destroys the guard, if it is one.
        }
        break;
      case kToggle:
        if (stack.empty()) {
          flag ? interrupts::Disable() : interrupts::Enable();
          flag = !flag;
        }
        break;
      case kTryLockHeld:
        for (IrqSpinLock* lock : {&a, &b}) {
          if (holds(*lock)) RC_ASSERT(!lock->TryLock());
        }
        break;
      default:
        RC_FAIL("no such operation");
    }
    RC_ASSERT(AreEnabled() == flag);
    RC_ASSERT(a.IsLocked() == holds(a));
    RC_ASSERT(b.IsLocked() == holds(b));
  }
  while (!stack.empty()) {
    if (stack.back().lock != nullptr) stack.back().lock->Unlock();
    stack.pop_back();
  }
  interrupts::Enable();
}

RC_GTEST_PROP(IrqSpinLockTest, NestingAgreesWithAModelOfTheInterruptFlag, ()) {
  const auto ops = *rc::gen::container<std::vector<int>>(rc::gen::inRange(0, int{kOpCount}));
  CheckAgainstModel(ops);
}

}  // namespace
}  // namespace libk
