// The timer queue's tick hook and the idle loop, on a simulated timer interrupt
// (testing/ticking_clock.h) that strikes on halts and, at random, in the middle of tasks
// going to sleep. Laws: at every tick the hook asks for a wake exactly when the earliest
// deadline is at or before the new tick; the idle loop never halts while a timer is due
// (no wake is lost, not even for a timer added just before a tick); sleepers never wake
// early; and an idle executor is woken once per due deadline, not on every tick. Timers
// fire only when the run loop is woken for them, so a missed wake shows as a halt with a
// due timer.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/async/executor.h"
#include "libk/async/sleep.h"
#include "libk/async/task.h"
#include "libk/async/testing/ticking_clock.h"
#include "libk/async/time.h"

namespace libk::async {
namespace {

using testing::TickingClock;

struct Nap {
  std::uint64_t deadline;
  std::uint64_t woke_at;
};

// Sleeps until now + each of `naps` in turn, recording each deadline and wake-up time.
Task<void> Sleeper(Executor* executor, TickingClock* clock, std::vector<std::uint64_t> naps,
                   std::vector<Nap>* log, int* done) {
  for (const std::uint64_t nap : naps) {
    const Instant deadline = executor->Now() + Duration::Ticks(nap);
    co_await SleepUntil(deadline);
    log->push_back(Nap{deadline.ticks(), clock->now().ticks()});
  }
  ++*done;
}

RC_GTEST_PROP(TimerHookTest, WakesExactlyWhenDueAndNeverLosesAWake, ()) {
  TickingClock clock(100'000);
  clock.StrikeAfterReads(*rc::gen::container<std::vector<bool>>(rc::gen::arbitrary<bool>()));
  BoundedWakeQueue<64> wakes;
  Executor executor(wakes, clock.clock(), clock.idle());
  clock.Attach(executor);
  const auto sleepers = *rc::gen::container<std::vector<std::vector<std::uint64_t>>>(
      rc::gen::container<std::vector<std::uint64_t>>(rc::gen::inRange<std::uint64_t>(0, 6)));
  std::vector<Nap> log;
  int done = 0;
  for (const std::vector<std::uint64_t>& naps : sleepers) {
    RC_ASSERT(executor.Spawn(Sleeper(&executor, &clock, naps, &log, &done)).is_ok());
  }
  const int count = static_cast<int>(sleepers.size());
  RC_ASSERT(executor.RunUntil([&] { return done == count; }));
  RC_ASSERT(clock.hook_mismatches() == 0U);
  RC_ASSERT(clock.halts_with_a_due_timer() == 0U);
  RC_ASSERT(clock.halts_with_interrupts_enabled() == 0U);
  for (const Nap& nap : log) RC_ASSERT(nap.woke_at >= nap.deadline);
  // Woken for timers at most once per tick that found one due, plus the re-checks of
  // sleepers whose tick struck before their deadline was published.
  RC_ASSERT(executor.stats().timer_wakes <= clock.due_ticks() + log.size());
}

TEST(TimerHookTest, AnIdleExecutorIsWokenOncePerDeadlineNotOnEveryTick) {
  TickingClock clock(1'000);
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes, clock.clock(), clock.idle());
  clock.Attach(executor);
  std::vector<Nap> log;
  int done = 0;
  ASSERT_TRUE(executor.Spawn(Sleeper(&executor, &clock, {10, 20}, &log, &done)).is_ok());
  ASSERT_TRUE(executor.RunUntil([&] { return done == 1; }));
  ASSERT_EQ(log.size(), 2U);
  EXPECT_EQ(log[0].woke_at, 10U);
  EXPECT_EQ(log[1].woke_at, 30U);
  EXPECT_EQ(clock.halts(), 30U);  // One halt per tick: the loop halts again after each.
  EXPECT_EQ(executor.stats().timer_wakes, 2U);
  EXPECT_EQ(clock.due_ticks(), 2U);
  EXPECT_EQ(clock.hook_mismatches(), 0U);
}

// A tick strikes between the task reading the time and its timer entering the queue: the
// hook sees no deadline and asks for nothing; the sleeper's own check after publishing its
// deadline sees the tick and wakes the run loop.
TEST(TimerHookTest, ATimerAddedJustBeforeATickIsNotLost) {
  TickingClock clock(1'000);
  // Reads: 0 = the task's Now(), 1 = SleepAwaiter's Now() (the tick strikes after it).
  clock.StrikeAfterReads({false, true, false, false, false, false, false, false});
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes, clock.clock(), clock.idle());
  clock.Attach(executor);
  std::vector<Nap> log;
  int done = 0;
  ASSERT_TRUE(executor.Spawn(Sleeper(&executor, &clock, {1}, &log, &done)).is_ok());
  ASSERT_TRUE(executor.RunUntil([&] { return done == 1; }));
  ASSERT_EQ(log.size(), 1U);
  EXPECT_EQ(log[0].deadline, 1U);
  EXPECT_EQ(log[0].woke_at, 1U);  // On time: the tick that made it due did not see it.
  EXPECT_EQ(clock.due_ticks(), 0U);
  EXPECT_EQ(clock.halts(), 0U);
  EXPECT_EQ(clock.halts_with_a_due_timer(), 0U);
  EXPECT_EQ(executor.stats().timer_wakes, 1U);  // By the sleeper's check.
}

// With no timer, an idle executor halts until the simulated CPU runs out of ticks.
TEST(TimerHookTest, NothingToWaitForHaltsUntilTheTicksRunOut) {
  TickingClock clock(50);
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes, clock.clock(), clock.idle());
  clock.Attach(executor);
  EXPECT_FALSE(executor.RunUntil([] { return false; }));
  EXPECT_EQ(clock.halts(), 50U);
  EXPECT_EQ(executor.stats().timer_wakes, 0U);
}

}  // namespace
}  // namespace libk::async
