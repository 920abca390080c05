// async::Mutex laws: mutual exclusion even when the guard is held across suspensions;
// first come, first served; a cancelled waiter leaves the queue, and a cancelled task that
// had already been handed the lock passes it on.
#include "libk/async/mutex.h"

#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/async/executor.h"
#include "libk/async/task.h"
#include "libk/async/yield.h"

namespace libk::async {
namespace {

struct Shared {
  int counter = 0;
  int inside = 0;  // Tasks inside the critical section now.
  int max_inside = 0;
};

Task<void> Increment(Mutex<Shared>* mutex, int rounds, int yields_inside) {
  for (int round = 0; round < rounds; ++round) {
    auto guard = co_await mutex->Lock();
    ++guard->inside;
    guard->max_inside = guard->inside > guard->max_inside ? guard->inside : guard->max_inside;
    const int read = guard->counter;
    for (int i = 0; i < yields_inside; ++i) co_await Yield();  // Others run meanwhile.
    guard->counter = read + 1;
    --guard->inside;
  }
}

RC_GTEST_PROP(AsyncMutexTest, GivesMutualExclusionAcrossSuspensions, ()) {
  BoundedWakeQueue<64> wakes;
  Executor executor(wakes);
  Mutex<Shared> mutex;
  const int tasks = *rc::gen::inRange(1, 8);
  int expected = 0;
  for (int t = 0; t < tasks; ++t) {
    const int rounds = *rc::gen::inRange(0, 6);
    expected += rounds;
    RC_ASSERT(executor.Spawn(Increment(&mutex, rounds, *rc::gen::inRange(0, 3))).is_ok());
  }
  executor.RunUntilIdle();
  RC_ASSERT(executor.stats().live == 0U);
  RC_ASSERT(!mutex.IsLocked());
  auto check = [](Mutex<Shared>* mutex, int expected) -> Task<void> {
    auto guard = co_await mutex->Lock();
    RC_ASSERT(guard->counter == expected);
    RC_ASSERT(guard->max_inside <= 1);
  };
  RC_ASSERT(executor.Spawn(check(&mutex, expected)).is_ok());
  executor.RunUntilIdle();
}

Task<void> Take(Mutex<std::vector<int>>* mutex, int id, int yields_inside) {
  auto guard = co_await mutex->Lock();
  guard->push_back(id);
  for (int i = 0; i < yields_inside; ++i) co_await Yield();
}

TEST(AsyncMutexTest, WaitersGetTheLockInTheOrderTheyAsked) {
  BoundedWakeQueue<64> wakes;
  Executor executor(wakes);
  Mutex<std::vector<int>> mutex;
  // Task 0 holds the lock over many yields; 1..5 queue behind it in spawn order, and
  // task 6, which asks last, must not overtake them although it finds the lock free at
  // times when the holder hands it over.
  for (int id = 0; id <= 5; ++id) ASSERT_TRUE(executor.Spawn(Take(&mutex, id, 3)).is_ok());
  ASSERT_TRUE(executor.RunOnce());
  ASSERT_TRUE(executor.Spawn(Take(&mutex, 6, 0)).is_ok());
  executor.RunUntilIdle();
  auto check = [](Mutex<std::vector<int>>* mutex) -> Task<void> {
    auto guard = co_await mutex->Lock();
    EXPECT_EQ(*guard, (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));
  };
  ASSERT_TRUE(executor.Spawn(check(&mutex)).is_ok());
  executor.RunUntilIdle();
}

TEST(AsyncMutexTest, ACancelledWaiterLeavesTheQueue) {
  BoundedWakeQueue<64> wakes;
  Executor executor(wakes);
  Mutex<std::vector<int>> mutex;
  ASSERT_TRUE(executor.Spawn(Take(&mutex, 0, 2)).is_ok());
  const TaskId waiter = executor.Spawn(Take(&mutex, 1, 0)).value();
  ASSERT_TRUE(executor.Spawn(Take(&mutex, 2, 0)).is_ok());
  executor.RunOnce();
  executor.RunOnce();
  executor.RunOnce();  // 0 holds the lock; 1 and 2 wait.
  ASSERT_TRUE(executor.Cancel(waiter).is_ok());
  executor.RunUntilIdle();
  EXPECT_FALSE(mutex.IsLocked());
  auto check = [](Mutex<std::vector<int>>* mutex) -> Task<void> {
    auto guard = co_await mutex->Lock();
    EXPECT_EQ(*guard, (std::vector<int>{0, 2}));
  };
  ASSERT_TRUE(executor.Spawn(check(&mutex)).is_ok());
  executor.RunUntilIdle();
}

TEST(AsyncMutexTest, ACancelledTaskThatWasHandedTheLockPassesItOn) {
  BoundedWakeQueue<64> wakes;
  Executor executor(wakes);
  Mutex<std::vector<int>> mutex;
  ASSERT_TRUE(executor.Spawn(Take(&mutex, 0, 1)).is_ok());
  const TaskId handed = executor.Spawn(Take(&mutex, 1, 0)).value();
  ASSERT_TRUE(executor.Spawn(Take(&mutex, 2, 0)).is_ok());
  executor.RunOnce();  // 0 locks and yields.
  executor.RunOnce();  // 1 waits.
  executor.RunOnce();  // 2 waits.
  executor.RunOnce();  // 0 unlocks: the lock is handed to 1, which is woken.
  EXPECT_TRUE(mutex.IsLocked());
  ASSERT_TRUE(executor.Cancel(handed).is_ok());  // Before 1 ran.
  executor.RunUntilIdle();
  EXPECT_FALSE(mutex.IsLocked());
  auto check = [](Mutex<std::vector<int>>* mutex) -> Task<void> {
    auto guard = co_await mutex->Lock();
    EXPECT_EQ(*guard, (std::vector<int>{0, 2}));
  };
  ASSERT_TRUE(executor.Spawn(check(&mutex)).is_ok());
  executor.RunUntilIdle();
}

}  // namespace
}  // namespace libk::async
