// The guard rail against holding a spinlock across co_await: a task that reaches a co_await
// with a libk::Mutex or IrqMutex guard alive panics at that co_await, and the message names
// where the lock was taken. Releasing the guard first, or holding an async::Mutex guard,
// is fine.
#include <string>

#include <gtest/gtest.h>

#include "libk/async/executor.h"
#include "libk/async/mutex.h"
#include "libk/async/task.h"
#include "libk/async/yield.h"
#include "libk/sync/mutex.h"

namespace libk::async {
namespace {

libk::Mutex<int> spin_counter(0);
libk::IrqMutex<int> irq_counter(0);

constexpr int kSpinLockLine = __LINE__ + 3;
Task<void> YieldHoldingSpinGuard() {
  // The guard lives until the end of the scope, across the co_await.
  auto guard = spin_counter.Lock();
  ++*guard;
  co_await Yield();
}

constexpr int kIrqLockLine = __LINE__ + 2;
Task<void> AwaitSubTaskHoldingIrqGuard() {
  auto guard = irq_counter.Lock();
  co_await YieldHoldingSpinGuard();
}

void RunToEnd(Task<void> task) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  (void)executor.Spawn(std::move(task));
  executor.RunUntilIdle();
}

TEST(LockAcrossAwaitTest, AMutexGuardHeldAcrossCoAwaitPanicsNamingTheLock) {
  EXPECT_DEATH(RunToEnd(YieldHoldingSpinGuard()),
               "PANIC at .*lock_across_await_test.cc:[0-9]+ in YieldHoldingSpinGuard: co_await "
               "with 1 spinlock\\(s\\) held; the outermost was taken at "
               ".*lock_across_await_test.cc:" +
                   std::to_string(kSpinLockLine) + " in YieldHoldingSpinGuard");
}

TEST(LockAcrossAwaitTest, AnIrqMutexGuardHeldAcrossCoAwaitPanicsToo) {
  EXPECT_DEATH(RunToEnd(AwaitSubTaskHoldingIrqGuard()),
               "co_await with 1 spinlock\\(s\\) held; the outermost was taken at "
               ".*lock_across_await_test.cc:" +
                   std::to_string(kIrqLockLine) + " in AwaitSubTaskHoldingIrqGuard");
}

Task<void> ReleaseThenAwait(async::Mutex<int>* async_counter) {
  {
    auto guard = spin_counter.Lock();
    ++*guard;
  }
  co_await Yield();
  spin_counter.With([](int& n) { ++n; });
  auto async_guard = co_await async_counter->Lock();
  ++*async_guard;
  co_await Yield();  // An async guard may be held across co_await.
}

TEST(LockAcrossAwaitTest, ReleasedGuardsAndAsyncGuardsAreFine) {
  async::Mutex<int> async_counter(0);
  RunToEnd(ReleaseThenAwait(&async_counter));
  EXPECT_EQ(spin_counter.With([](int& n) { return n; }), 2);
  EXPECT_FALSE(async_counter.IsLocked());
}

}  // namespace
}  // namespace libk::async
