// Frame allocation failure is an error, never a crash, and never a leak: a task whose
// frame cannot be allocated makes Spawn fail; a slot table that cannot grow makes Spawn
// fail and destroys the frame; an awaited sub-task whose frame cannot be allocated ends its
// task with kOutOfMemory; a combinator that cannot spawn its children says so. Allocation
// is made to fail by the counting operator new (//libk/async/testing:counting_new).
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "libk/async/combinators.h"
#include "libk/async/executor.h"
#include "libk/async/join_handle.h"
#include "libk/async/task.h"
#include "libk/async/testing/counting_new.h"
#include "libk/async/yield.h"
#include "libk/result/error.h"

namespace libk::async {
namespace {

using testing::Allocations;
using testing::ScopedAllocationFailure;

Task<int> Answer() {
  co_await Yield();
  co_return 42;
}

// Calls Answer() with its frame allocation failing. Not a coroutine, but it returns a Task:
// [[clang::coro_wrapper]] says that is deliberate.
[[clang::coro_wrapper]] Task<int> AnswerWithoutMemory() {
  const ScopedAllocationFailure fail(0, 1);
  return Answer();
}

class AllocationFailureTest : public ::testing::Test {
 protected:
  void SetUp() override { baseline_ = Allocations().live_allocations; }
  // Every frame and chunk allocated during the test has been freed.
  void TearDown() override { EXPECT_EQ(Allocations().live_allocations, baseline_); }

 private:
  std::int64_t baseline_ = 0;
};

TEST_F(AllocationFailureTest, AFrameThatCannotBeAllocatedMakesSpawnFail) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  Task<int> task = AnswerWithoutMemory();
  EXPECT_FALSE(task.valid());
  const Result<TaskId> id = executor.Spawn(std::move(task));
  ASSERT_TRUE(id.is_error());
  EXPECT_EQ(id.error(), Error::kOutOfMemory);
  const Result<JoinHandle<int>> handle = executor.SpawnJoinable(AnswerWithoutMemory());
  EXPECT_EQ(handle.error(), Error::kOutOfMemory);
  EXPECT_EQ(executor.stats().spawned, 0U);
}

TEST_F(AllocationFailureTest, ASlotTableThatCannotGrowMakesSpawnFailAndFreesTheFrame) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  for (int i = 0; i < 16; ++i) ASSERT_TRUE(executor.Spawn(Answer()).is_ok());
  Task<int> seventeenth = Answer();  // Allocated: only the slot table's growth fails.
  const std::int64_t live = Allocations().live_allocations;
  const Result<TaskId> id = [&] {
    const ScopedAllocationFailure fail(0, 1);
    return executor.Spawn(std::move(seventeenth));
  }();
  ASSERT_TRUE(id.is_error());
  EXPECT_EQ(id.error(), Error::kOutOfMemory);
  EXPECT_EQ(Allocations().live_allocations, live - 1);  // The frame is gone.
  EXPECT_EQ(executor.RunUntilIdle(), 32U);
  EXPECT_TRUE(executor.Spawn(Answer()).is_ok());  // Growing works again.
  executor.RunUntilIdle();
}

Task<int> AddAnswer(int base) {
  int sum = base;
  testing::FailAllocations(0, 1);  // The sub-task's frame is the next allocation.
  sum += co_await Answer();
  co_return sum;  // Never reached.
}

TEST_F(AllocationFailureTest, ASubTaskThatCannotBeAllocatedEndsItsTaskWithOutOfMemory) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  Result<JoinHandle<int>> handle = executor.SpawnJoinable(AddAnswer(1));
  ASSERT_TRUE(handle.is_ok());
  executor.RunUntilIdle();
  testing::FailAllocations(0, 0);
  EXPECT_EQ(handle.value().TryTake().error(), Error::kOutOfMemory);
  EXPECT_EQ(executor.stats().aborted, 1U);
  EXPECT_EQ(executor.stats().live, 0U);
}

Task<Error> TryBoth(std::uint64_t successes) {
  // WhenAll's children are made first (two frames), then the test lets `successes` more
  // allocations through before the slot table's growth fails.
  auto both = WhenAll(Answer(), Answer());
  testing::FailAllocations(successes, 1);
  const Result<ArrayVec<int, 2>> result = co_await both;
  testing::FailAllocations(0, 0);
  co_return result.is_ok() ? Error::kBusy : result.error();
}

TEST_F(AllocationFailureTest, ACombinatorThatCannotSpawnItsChildrenReportsIt) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  for (int i = 0; i < 15; ++i) ASSERT_TRUE(executor.Spawn(Answer()).is_ok());
  // The parent takes the sixteenth slot; its first child needs a new chunk.
  Result<JoinHandle<Error>> handle = executor.SpawnJoinable(TryBoth(0));
  executor.RunUntilIdle();
  EXPECT_EQ(handle.value().TryTake().value(), Error::kOutOfMemory);
  EXPECT_EQ(executor.stats().live, 0U);
}

TEST_F(AllocationFailureTest, RunningTasksAllocatesNothing) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  auto spin = [](int rounds) -> Task<void> {
    for (int i = 0; i < rounds; ++i) co_await Yield();
  };
  ASSERT_TRUE(executor.Spawn(spin(1000)).is_ok());
  ASSERT_TRUE(executor.Spawn(spin(1000)).is_ok());
  const std::uint64_t before = Allocations().total_allocations;
  EXPECT_EQ(executor.RunUntilIdle(), 2002U);
  EXPECT_EQ(Allocations().total_allocations, before);
}

}  // namespace
}  // namespace libk::async
