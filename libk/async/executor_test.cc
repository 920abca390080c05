// Examples of the executor's contract: spawning, running in FIFO order, sub-tasks, join
// handles (awaited, taken, dropped, cancelled), cancellation, stale wakes and the wake
// queue's overflow path.
#include "libk/async/executor.h"

#include <algorithm>
#include <ranges>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "libk/async/join_handle.h"
#include "libk/async/task.h"
#include "libk/async/waker.h"
#include "libk/async/yield.h"
#include "libk/result/error.h"
#include "libk/testing/counted.h"

namespace libk::async {
namespace {

// A test event: a task awaiting it parks its waker here for the test to wake.
struct Parked {
  std::vector<Waker> wakers;
  Waker Last() const { return wakers.back(); }
};

class Park : public Awaiter {
 public:
  explicit Park(Parked* parked) : parked_(parked) {}
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static): coroutine protocol.
  bool await_ready() const { return false; }
  void await_suspend(TaskContext context) { parked_->wakers.push_back(context.waker()); }
  void await_resume() const {}

 private:
  Parked* parked_;
};

Task<void> Record(std::vector<std::string>* log, std::string name, int yields) {
  log->push_back(name);
  for (int i = 0; i < yields; ++i) {
    co_await Yield();
    log->push_back(name);
  }
}

TEST(ExecutorTest, RunsSpawnedTasksInFifoOrderAndYieldGoesToTheBack) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  std::vector<std::string> log;
  ASSERT_TRUE(executor.Spawn(Record(&log, "a", 2)).is_ok());
  ASSERT_TRUE(executor.Spawn(Record(&log, "b", 1)).is_ok());
  ASSERT_TRUE(executor.Spawn(Record(&log, "c", 0)).is_ok());
  EXPECT_EQ(executor.RunUntilIdle(), 6U);
  EXPECT_EQ(log, (std::vector<std::string>{"a", "b", "c", "a", "b", "a"}));
  EXPECT_EQ(executor.stats().completed, 3U);
  EXPECT_EQ(executor.stats().live, 0U);
}

Task<void> ParkOnce(std::vector<std::string>* log, std::string name, Parked* parked) {
  log->push_back(name);
  co_await Park(parked);
  log->push_back(name);
}

// Found by the executor fuzzer (executor_corpus/spawn_overflow_regression): when more
// tasks are woken at once than the wake queue holds, every one still runs exactly once,
// but those past the queue's capacity run from the overflow scan, in slot order, not in
// the order of their wakes (which the shared executor model had assumed).
TEST(ExecutorTest, MoreWakesThanTheWakeQueueHoldsStillRunEachTaskOnce) {
  BoundedWakeQueue<2> wakes;
  Executor executor(wakes);
  std::vector<std::string> log;
  Parked parked;
  for (const char* name : {"a", "b", "c", "d"}) {
    ASSERT_TRUE(executor.Spawn(ParkOnce(&log, name, &parked)).is_ok());
  }
  EXPECT_EQ(executor.RunUntilIdle(), 4U);
  ASSERT_EQ(parked.wakers.size(), 4U);
  for (const Waker& waker : std::ranges::reverse_view(parked.wakers)) waker.Wake();
  EXPECT_EQ(executor.stats().wake_overflows, 2U);
  EXPECT_EQ(executor.RunUntilIdle(), 4U);
  std::vector<std::string> second(log.begin() + 4, log.end());
  std::ranges::sort(second);
  EXPECT_EQ(second, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(executor.stats().completed, 4U);
}

Task<int> Square(int x) {
  co_await Yield();
  co_return x* x;
}

Task<int> SumOfSquares(int n) {
  int sum = 0;
  for (int i = 1; i <= n; ++i) sum += co_await Square(i);
  co_return sum;
}

TEST(ExecutorTest, SubTasksReturnTheirResultsToTheAwaitingTask) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  Result<JoinHandle<int>> handle = executor.SpawnJoinable(SumOfSquares(4));
  ASSERT_TRUE(handle.is_ok());
  EXPECT_EQ(handle.value().TryTake().error(), Error::kBusy);
  executor.RunUntilIdle();
  EXPECT_EQ(handle.value().TryTake().value(), 1 + 4 + 9 + 16);
  EXPECT_FALSE(handle.value().valid());
  EXPECT_EQ(executor.stats().slots, 16U);  // One chunk; sub-tasks took no slot.
}

Task<std::string> Greet(Parked* parked) {
  co_await Park(parked);
  co_return std::string("hello");
}

Task<void> AwaitHandle(JoinHandle<std::string> handle, std::string* out) {
  Result<std::string> result = co_await std::move(handle);
  *out = result.is_ok() ? result.value() : ErrorName(result.error());
}

TEST(ExecutorTest, AJoinHandleCanBeAwaitedForTheResult) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  Parked parked;
  std::string out;
  Result<JoinHandle<std::string>> greeter = executor.SpawnJoinable(Greet(&parked));
  ASSERT_TRUE(greeter.is_ok());
  ASSERT_TRUE(executor.Spawn(AwaitHandle(std::move(greeter).value(), &out)).is_ok());
  executor.RunUntilIdle();
  EXPECT_EQ(out, "");
  parked.Last().Wake();
  executor.RunUntilIdle();
  EXPECT_EQ(out, "hello");
  EXPECT_EQ(executor.stats().live, 0U);
}

TEST(ExecutorTest, AwaitingACancelledTaskGivesCancelled) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  Parked parked;
  std::string out;
  Result<JoinHandle<std::string>> greeter = executor.SpawnJoinable(Greet(&parked));
  const TaskId greeter_id = greeter.value().id();
  ASSERT_TRUE(executor.Spawn(AwaitHandle(std::move(greeter).value(), &out)).is_ok());
  executor.RunUntilIdle();
  ASSERT_TRUE(executor.Cancel(greeter_id).is_ok());
  executor.RunUntilIdle();
  EXPECT_EQ(out, "Cancelled");
  EXPECT_EQ(executor.Cancel(greeter_id).error(), Error::kNotFound);
  parked.Last().Wake();  // Stale: the task is gone.
  EXPECT_EQ(executor.RunUntilIdle(), 0U);
}

Task<testing::Counted> Keep(Parked* parked, int value) {
  testing::Counted local(value);
  co_await Park(parked);
  co_return local;
}

TEST(ExecutorTest, DroppingAHandleDetachesTheTaskWhichStillCompletes) {
  const int live_before = testing::Counted::live();
  {
    BoundedWakeQueue<16> wakes;
    Executor executor(wakes);
    Parked parked;
    {
      const Result<JoinHandle<testing::Counted>> handle = executor.SpawnJoinable(Keep(&parked, 7));
      executor.RunUntilIdle();
    }  // Dropped while the task waits.
    EXPECT_EQ(executor.stats().live, 1U);
    parked.Last().Wake();
    executor.RunUntilIdle();
    EXPECT_EQ(executor.stats().completed, 1U);
    EXPECT_EQ(executor.stats().live, 0U);
    EXPECT_EQ(testing::Counted::live(), live_before);  // The frame and result are gone.
  }
  EXPECT_EQ(testing::Counted::errors(), 0);
}

TEST(ExecutorTest, CancellingDestroysTheFramesOfTheTaskAndItsSubTasks) {
  const int live_before = testing::Counted::live();
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  Parked parked;
  auto outer = [](Parked* p) -> Task<int> {
    const testing::Counted mine(1);
    const testing::Counted inner = co_await Keep(p, 2);
    co_return mine.value() + inner.value();
  };
  Result<JoinHandle<int>> handle = executor.SpawnJoinable(outer(&parked));
  executor.RunUntilIdle();
  EXPECT_EQ(testing::Counted::live(), live_before + 2);
  ASSERT_TRUE(handle.value().Cancel().is_ok());
  EXPECT_EQ(testing::Counted::live(), live_before);
  EXPECT_EQ(handle.value().TryTake().error(), Error::kCancelled);
  EXPECT_EQ(executor.stats().cancelled, 1U);
  EXPECT_EQ(testing::Counted::errors(), 0);
}

TEST(ExecutorTest, ATaskThatCancelsItselfStopsAtItsNextSuspension) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  std::vector<std::string> log;
  TaskId self;
  auto body = [](Executor* e, TaskId* id, std::vector<std::string>* log) -> Task<void> {
    log->emplace_back("before");
    EXPECT_TRUE(e->Cancel(*id).is_ok());
    log->emplace_back("still running");
    co_await Yield();
    log->emplace_back("never");
  };
  self = executor.Spawn(body(&executor, &self, &log)).value();
  executor.RunUntilIdle();
  EXPECT_EQ(log, (std::vector<std::string>{"before", "still running"}));
  EXPECT_FALSE(executor.IsAlive(self));
  EXPECT_EQ(executor.stats().cancelled, 1U);
}

TEST(ExecutorTest, AWakerGoesStaleOnceItsAwaitCompletes) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  Parked parked;
  int resumed = 0;
  auto body = [](Parked* p, int* resumed) -> Task<void> {
    co_await Park(p);
    ++*resumed;
    co_await Park(p);
    ++*resumed;
  };
  ASSERT_TRUE(executor.Spawn(body(&parked, &resumed)).is_ok());
  executor.RunUntilIdle();
  const Waker first = parked.Last();
  first.Wake();
  first.Wake();  // A second wake for the same wait adds nothing.
  EXPECT_EQ(executor.RunUntilIdle(), 1U);
  EXPECT_EQ(resumed, 1);
  first.Wake();  // The task now waits in its second await: the first waker is stale.
  EXPECT_EQ(executor.RunUntilIdle(), 0U);
  EXPECT_EQ(resumed, 1);
  parked.Last().Wake();
  EXPECT_EQ(executor.RunUntilIdle(), 1U);
  EXPECT_EQ(resumed, 2);
}

TEST(ExecutorTest, AWakeForAReusedSlotIsIgnored) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  Parked first_park;
  Parked second_park;
  std::vector<std::string> log;
  auto body = [](Parked* p, std::vector<std::string>* log, std::string name) -> Task<void> {
    co_await Park(p);
    log->push_back(name);
  };
  const TaskId first = executor.Spawn(body(&first_park, &log, "first")).value();
  executor.RunUntilIdle();
  ASSERT_TRUE(executor.Cancel(first).is_ok());
  const TaskId second = executor.Spawn(body(&second_park, &log, "second")).value();
  EXPECT_EQ(second.index, first.index);  // The freed slot is reused...
  EXPECT_NE(second.generation, first.generation);
  executor.RunUntilIdle();
  first_park.Last().Wake();  // ...and the old task's waker does not wake the new one.
  EXPECT_EQ(executor.RunUntilIdle(), 0U);
  second_park.Last().Wake();
  executor.RunUntilIdle();
  EXPECT_EQ(log, (std::vector<std::string>{"second"}));
}

TEST(ExecutorTest, AFullWakeQueueCountsTheOverflowAndLosesNoWake) {
  BoundedWakeQueue<2> wakes;
  Executor executor(wakes);
  Parked parked;
  int done = 0;
  auto body = [](Parked* p, int* done) -> Task<void> {
    co_await Park(p);
    ++*done;
  };
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(executor.Spawn(body(&parked, &done)).is_ok());
  executor.RunUntilIdle();
  for (const Waker& waker : parked.wakers) waker.Wake();
  EXPECT_EQ(executor.stats().wake_overflows, 8U);
  EXPECT_TRUE(executor.HasPendingWakes());
  executor.RunUntilIdle();
  EXPECT_EQ(done, 10);
  EXPECT_EQ(executor.stats().rescans, 1U);
}

TEST(ExecutorTest, DestroyingTheExecutorDestroysEveryFrame) {
  const int live_before = testing::Counted::live();
  Parked parked;
  {
    BoundedWakeQueue<16> wakes;
    Executor executor(wakes);
    for (int i = 0; i < 40; ++i) ASSERT_TRUE(executor.Spawn(Keep(&parked, i)).is_ok());
    executor.RunOnce();  // One waits, the others never started.
    EXPECT_EQ(executor.stats().live, 40U);
    EXPECT_EQ(executor.stats().slots, 16U + 32U);
  }
  EXPECT_EQ(testing::Counted::live(), live_before);
}

TEST(ExecutorTest, ThisExecutorLetsATaskSpawnMore) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  std::vector<std::string> log;
  auto parent = [](std::vector<std::string>* log) -> Task<void> {
    Executor& e = co_await ThisExecutor();
    log->emplace_back("parent");
    EXPECT_TRUE(e.Spawn(Record(log, "child", 0)).is_ok());
    co_await Yield();
    log->emplace_back("parent again");
  };
  ASSERT_TRUE(executor.Spawn(parent(&log)).is_ok());
  executor.RunUntilIdle();
  EXPECT_EQ(log, (std::vector<std::string>{"parent", "child", "parent again"}));
}

TEST(ExecutorTest, RunUntilStopsWhenThePredicateHoldsOrNothingCanHappen) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  std::vector<std::string> log;
  ASSERT_TRUE(executor.Spawn(Record(&log, "a", 5)).is_ok());
  EXPECT_TRUE(executor.RunUntil([&] { return log.size() == 3; }));
  EXPECT_EQ(log.size(), 3U);
  Parked parked;
  ASSERT_TRUE(executor.Spawn(Greet(&parked)).is_ok());
  EXPECT_FALSE(executor.RunUntil([] { return false; }));  // No idle step: gives up.
  EXPECT_EQ(log.size(), 6U);
}

}  // namespace
}  // namespace libk::async
