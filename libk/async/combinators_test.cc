// Laws of WhenAll and WhenAny: WhenAll returns every result in argument order whatever
// order the tasks end in; WhenAny returns the task that ended first and cancels the
// others, which never complete; cancelling the awaiting task cancels its children.
#include "libk/async/combinators.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/async/executor.h"
#include "libk/async/join_handle.h"
#include "libk/async/sleep.h"
#include "libk/async/task.h"
#include "libk/async/testing/fake_clock.h"
#include "libk/async/yield.h"
#include "libk/result/error.h"
#include "libk/testing/counted.h"

namespace libk::async {
namespace {

using ::libk::testing::Counted;
using testing::FakeClock;

// Returns `value` after `ticks`, noting when it ended.
Task<Counted> After(std::uint64_t ticks, int value, std::vector<int>* ended) {
  Counted result(value);
  co_await Sleep(Duration::Ticks(ticks));
  ended->push_back(value);
  co_return result;
}

struct Fixture {
  BoundedWakeQueue<64> wakes;
  FakeClock clock;
  Executor executor{wakes, clock.clock(), clock.AdvanceToNextDeadline()};
};

template <typename T>
Result<T> RunToEnd(Fixture& f, Task<T> task) {
  Result<JoinHandle<T>> handle = f.executor.SpawnJoinable(std::move(task));
  if (handle.is_error()) return Err(handle.error());
  (void)f.executor.RunUntil([&] { return handle.value().is_finished(); });
  return handle.value().TryTake();
}

Task<std::vector<int>> AllOfThree(std::uint64_t a, std::uint64_t b, std::uint64_t c,
                                  std::vector<int>* ended) {
  Result<ArrayVec<Counted, 3>> all =
      co_await WhenAll(After(a, 0, ended), After(b, 1, ended), After(c, 2, ended));
  std::vector<int> values;
  for (const Counted& value : all.value()) values.push_back(value.value());
  co_return values;
}

RC_GTEST_PROP(CombinatorsTest, WhenAllReturnsResultsInArgumentOrder,
              (std::uint8_t a, std::uint8_t b, std::uint8_t c)) {
  const int live_before = Counted::live();
  {
    Fixture f;
    std::vector<int> ended;
    Result<std::vector<int>> values = RunToEnd(f, AllOfThree(a % 8, b % 8, c % 8, &ended));
    RC_ASSERT(values.value() == (std::vector<int>{0, 1, 2}));
    std::vector<int> sorted = ended;
    std::ranges::sort(sorted);
    RC_ASSERT(sorted == (std::vector<int>{0, 1, 2}));  // Each ended once, in any order.
    RC_ASSERT(f.clock.now().ticks() == std::max({a % 8, b % 8, c % 8}));  // Concurrently.
  }
  RC_ASSERT(Counted::live() == live_before);
}

Task<std::size_t> AnyOfThree(std::uint64_t a, std::uint64_t b, std::uint64_t c,
                             std::vector<int>* ended) {
  Result<AnyResult<Counted>> any =
      co_await WhenAny(After(a, 0, ended), After(b, 1, ended), After(c, 2, ended));
  EXPECT_EQ(static_cast<std::size_t>(any.value().value.value()), any.value().index);
  co_return any.value().index;
}

RC_GTEST_PROP(CombinatorsTest, WhenAnyReturnsTheFirstToEndAndCancelsTheRest,
              (std::uint8_t a, std::uint8_t b, std::uint8_t c)) {
  const int live_before = Counted::live();
  {
    Fixture f;
    std::vector<int> ended;
    const std::uint64_t ticks[] = {a % 8U, b % 8U, c % 8U};
    Result<std::size_t> winner = RunToEnd(f, AnyOfThree(ticks[0], ticks[1], ticks[2], &ended));
    // The first to end: the shortest sleep, and of equal ones the first to go to sleep.
    const auto first = static_cast<std::size_t>(std::min_element(ticks, ticks + 3) - ticks);
    RC_ASSERT(winner.value() == first);
    RC_ASSERT(!ended.empty() && ended.front() == static_cast<int>(first));
    // Tasks that wake with the winner end before the awaiting task runs again; the others
    // are cancelled and never end.
    for (const int key : ended) RC_ASSERT(ticks[key] == ticks[first]);
    RC_ASSERT(f.executor.stats().cancelled == 3U - ended.size());
    RC_ASSERT(f.clock.now().ticks() == ticks[first]);
    RC_ASSERT(!f.executor.NextDeadline().has_value());  // Their timers are gone.
  }
  RC_ASSERT(Counted::live() == live_before);
}

Task<int> YieldThenReturn(int yields, int value) {
  for (int i = 0; i < yields; ++i) co_await Yield();
  co_return value;
}

TEST(CombinatorsTest, WhenAnyPicksTheTaskThatEndedFirstAmongThoseThatEndedTogether) {
  Fixture f;
  auto body = []() -> Task<std::size_t> {
    // Both end in the same run of the ready queue; the second argument ends first.
    Result<AnyResult<int>> any = co_await WhenAny(YieldThenReturn(1, 10), YieldThenReturn(0, 20));
    co_return any.value().index;
  };
  EXPECT_EQ(RunToEnd(f, body()).value(), 1U);
}

TEST(CombinatorsTest, WhenAllOfVoidTasks) {
  Fixture f;
  std::vector<int> ended;
  auto body = [](std::vector<int>* ended) -> Task<bool> {
    auto unit = [](std::vector<int>* ended, int n) -> Task<void> {
      co_await Yield();
      ended->push_back(n);
    };
    co_return (co_await WhenAll(unit(ended, 1), unit(ended, 2))).is_ok();
  };
  EXPECT_TRUE(RunToEnd(f, body(&ended)).value());
  EXPECT_EQ(ended, (std::vector<int>{1, 2}));
}

TEST(CombinatorsTest, CancellingTheAwaitingTaskCancelsItsChildren) {
  const int live_before = Counted::live();
  Fixture f;
  std::vector<int> ended;
  const TaskId parent = f.executor.Spawn(AllOfThree(5, 6, 7, &ended)).value();
  f.executor.RunUntilIdle();
  EXPECT_EQ(f.executor.stats().live, 4U);
  EXPECT_EQ(Counted::live(), live_before + 3);
  ASSERT_TRUE(f.executor.Cancel(parent).is_ok());
  EXPECT_EQ(f.executor.stats().live, 0U);
  EXPECT_EQ(f.executor.stats().cancelled, 4U);
  EXPECT_FALSE(f.executor.NextDeadline().has_value());
  EXPECT_TRUE(ended.empty());
  EXPECT_EQ(Counted::live(), live_before);
}

TEST(CombinatorsTest, AChildCancelledFromOutsideMakesWhenAllReportIt) {
  Fixture f;
  std::vector<int> ended;
  auto body = [](std::vector<int>* ended) -> Task<Error> {
    const Result<ArrayVec<Counted, 2>> all =
        co_await WhenAll(After(1, 0, ended), After(100, 1, ended));
    co_return all.is_ok() ? Error::kBusy : all.error();
  };
  Result<JoinHandle<Error>> handle = f.executor.SpawnJoinable(body(&ended));
  f.executor.RunUntilIdle();
  // The awaiting task has slot 0, its children slots 1 and 2 (generation 0).
  ASSERT_TRUE(f.executor.Cancel(TaskId{2, 0}).is_ok());
  EXPECT_TRUE(f.executor.RunUntil([&] { return handle.value().is_finished(); }));
  EXPECT_EQ(handle.value().TryTake().value(), Error::kCancelled);
  EXPECT_EQ(ended, (std::vector<int>{0}));  // WhenAll waited for the other child to end.
  EXPECT_EQ(f.clock.now().ticks(), 1U);
}

}  // namespace
}  // namespace libk::async
