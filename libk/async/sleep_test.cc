// Timers on a fake clock: sleepers wake in deadline order (ties in the order they went to
// sleep) and never early; tasks with different sleeps interleave; a cancelled sleeper
// leaves the timer queue; deadlines and timeouts bound a task.
#include "libk/async/sleep.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/async/combinators.h"
#include "libk/async/executor.h"
#include "libk/async/join_handle.h"
#include "libk/async/task.h"
#include "libk/async/testing/fake_clock.h"
#include "libk/result/error.h"
#include "libk/testing/counted.h"

namespace libk::async {
namespace {

using ::libk::testing::Counted;
using testing::FakeClock;

struct Wake {
  int key;
  std::uint64_t at;
};

Task<void> SleepThenRecord(Executor* executor, std::vector<Wake>* log, int key,
                           std::uint64_t ticks) {
  co_await Sleep(Duration::Ticks(ticks));
  log->push_back(Wake{key, executor->Now().ticks()});
}

RC_GTEST_PROP(SleepTest, SleepersWakeInDeadlineOrderAndNeverEarly, ()) {
  FakeClock clock;
  BoundedWakeQueue<64> wakes;
  Executor executor(wakes, clock.clock(), clock.AdvanceToNextDeadline());
  const auto durations =
      *rc::gen::container<std::vector<std::uint64_t>>(rc::gen::inRange<std::uint64_t>(0, 50));
  std::vector<Wake> log;
  for (std::size_t i = 0; i < durations.size(); ++i) {
    RC_ASSERT(executor.Spawn(SleepThenRecord(&executor, &log, static_cast<int>(i), durations[i]))
                  .is_ok());
  }
  RC_ASSERT(executor.RunUntil([&] { return log.size() == durations.size(); }));
  std::vector<int> expected(durations.size());
  for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<int>(i);
  // By deadline, then by the order they went to sleep (which is spawn order here).
  std::ranges::sort(expected, [&](int a, int b) {
    const std::uint64_t da = durations[static_cast<std::size_t>(a)];
    const std::uint64_t db = durations[static_cast<std::size_t>(b)];
    return da != db ? da < db : a < b;
  });
  for (std::size_t i = 0; i < log.size(); ++i) {
    RC_ASSERT(log[i].key == expected[i]);
    RC_ASSERT(log[i].at == durations[static_cast<std::size_t>(log[i].key)]);  // Not early.
  }
}

Task<void> Tick(Executor* executor, std::vector<std::string>* log, std::string name,
                std::uint64_t period, int times) {
  for (int i = 0; i < times; ++i) {
    co_await Sleep(Duration::Ticks(period));
    log->push_back(name + "@" + std::to_string(executor->Now().ticks()));
  }
}

TEST(SleepTest, TasksWithDifferentSleepsInterleave) {
  FakeClock clock;
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes, clock.clock(), clock.AdvanceToNextDeadline());
  std::vector<std::string> log;
  ASSERT_TRUE(executor.Spawn(Tick(&executor, &log, "fast", 2, 4)).is_ok());
  ASSERT_TRUE(executor.Spawn(Tick(&executor, &log, "slow", 3, 2)).is_ok());
  EXPECT_FALSE(executor.RunUntil([] { return false; }));  // Ends when nobody sleeps.
  // Both wake at 6; slow went to sleep first (at 3, fast at 4), so it runs first.
  EXPECT_EQ(log,
            (std::vector<std::string>{"fast@2", "slow@3", "fast@4", "slow@6", "fast@6", "fast@8"}));
}

TEST(SleepTest, ZeroAndPastDeadlinesDoNotSuspend) {
  FakeClock clock;
  clock.Set(Instant::FromTicks(10));
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes, clock.clock());
  int done = 0;
  auto body = [](int* done) -> Task<void> {
    co_await Sleep(Duration::Ticks(0));
    co_await SleepUntil(Instant::FromTicks(3));
    ++*done;
  };
  ASSERT_TRUE(executor.Spawn(body(&done)).is_ok());
  EXPECT_EQ(executor.RunUntilIdle(), 1U);
  EXPECT_EQ(done, 1);
}

TEST(SleepTest, CancellingASleeperRemovesItsTimer) {
  FakeClock clock;
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes, clock.clock());
  std::vector<Wake> log;
  const TaskId early = executor.Spawn(SleepThenRecord(&executor, &log, 0, 5)).value();
  ASSERT_TRUE(executor.Spawn(SleepThenRecord(&executor, &log, 1, 9)).is_ok());
  executor.RunUntilIdle();
  EXPECT_EQ(executor.NextDeadline().value().ticks(), 5U);
  ASSERT_TRUE(executor.Cancel(early).is_ok());
  EXPECT_EQ(executor.NextDeadline().value().ticks(), 9U);
  clock.Set(Instant::FromTicks(9));
  EXPECT_TRUE(executor.WakeIfTimerDue(clock.now()));  // As the clock's tick hook would.
  executor.RunUntilIdle();
  ASSERT_EQ(log.size(), 1U);
  EXPECT_EQ(log[0].key, 1);
  EXPECT_FALSE(executor.NextDeadline().has_value());
}

Task<Counted> SlowValue(std::uint64_t ticks, int value) {
  Counted local(value);
  co_await Sleep(Duration::Ticks(ticks));
  co_return local;
}

Task<std::string> Bounded(std::uint64_t work, std::uint64_t timeout) {
  Result<Counted> result = co_await WithTimeout(SlowValue(work, 7), Duration::Ticks(timeout));
  co_return result.is_ok() ? std::to_string(result.value().value()) : ErrorName(result.error());
}

TEST(SleepTest, WithTimeoutGivesTheResultOrTimesOutAndCancels) {
  const int live_before = Counted::live();
  FakeClock clock;
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes, clock.clock(), clock.AdvanceToNextDeadline());
  Result<JoinHandle<std::string>> in_time = executor.SpawnJoinable(Bounded(3, 5));
  Result<JoinHandle<std::string>> too_slow = executor.SpawnJoinable(Bounded(8, 5));
  EXPECT_TRUE(executor.RunUntil(
      [&] { return in_time.value().is_finished() && too_slow.value().is_finished(); }));
  EXPECT_EQ(in_time.value().TryTake().value(), "7");
  EXPECT_EQ(too_slow.value().TryTake().value(), "TimedOut");
  EXPECT_EQ(clock.now().ticks(), 5U);  // The slow task's sleep was cancelled, not waited for.
  EXPECT_FALSE(executor.NextDeadline().has_value());
  EXPECT_EQ(Counted::live(), live_before);
}

TEST(SleepTest, WithDeadlineInThePastTimesOutWithoutRunningTheTask) {
  FakeClock clock;
  clock.Set(Instant::FromTicks(4));
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes, clock.clock());
  auto body = [](Error* out) -> Task<void> {
    const Result<Counted> result = co_await WithDeadline(SlowValue(1, 1), Instant::FromTicks(4));
    *out = result.error();
  };
  Error out = Error::kBusy;
  ASSERT_TRUE(executor.Spawn(body(&out)).is_ok());
  executor.RunUntilIdle();
  EXPECT_EQ(out, Error::kTimedOut);
  EXPECT_EQ(executor.stats().spawned, 1U);
}

}  // namespace
}  // namespace libk::async
