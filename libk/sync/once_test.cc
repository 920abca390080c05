#include "libk/sync/once.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "libk/sync/testing/run_concurrently.h"

namespace libk {
namespace {

constinit Once global_once;

TEST(OnceTest, RunsTheFirstFunctionOnly) {
  Once once;
  EXPECT_FALSE(once.IsCompleted());
  int calls = 0;
  once.CallOnce([&] { calls += 1; });
  EXPECT_TRUE(once.IsCompleted());
  once.CallOnce([&] { calls += 10; });
  EXPECT_EQ(calls, 1);
}

TEST(OnceTest, ConstinitGlobalWorks) {
  int calls = 0;
  global_once.CallOnce([&] { ++calls; });
  global_once.CallOnce([&] { ++calls; });
  EXPECT_EQ(calls, 1);
}

TEST(OnceTest, AnExceptionLeavesItIncompleteForTheNextCaller) {
  Once once;
  EXPECT_THROW(once.CallOnce([] { throw std::runtime_error("boom"); }), std::runtime_error);
  EXPECT_FALSE(once.IsCompleted());
  int calls = 0;
  once.CallOnce([&] { ++calls; });
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(once.IsCompleted());
}

// Many threads race to run a slow function; exactly one runs it, and every caller returns
// only after it has finished and sees its effect.
TEST(OnceTest, ConcurrentCallersRunItExactlyOnceAndWaitForIt) {
  constexpr int kRounds = 50;
  constexpr int kThreads = 8;
  for (int round = 0; round < kRounds; ++round) {
    Once once;
    std::atomic<int> calls{0};
    int effect = 0;  // Plain int: Once must publish it.
    std::atomic<int> saw_effect{0};
    testing::RunConcurrently(kThreads, [&](int) {
      once.CallOnce([&] {
        calls.fetch_add(1);
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        effect = 42;
      });
      if (effect == 42) saw_effect.fetch_add(1);
    });
    ASSERT_EQ(calls.load(), 1) << "round " << round;
    ASSERT_EQ(saw_effect.load(), kThreads) << "round " << round;
  }
}

}  // namespace
}  // namespace libk
