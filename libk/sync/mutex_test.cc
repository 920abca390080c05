#include "libk/sync/mutex.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <utility>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/sync/interrupts.h"
#include "libk/sync/testing/run_concurrently.h"

namespace libk {
namespace {

struct Counter {
  std::uint64_t value = 0;
  std::uint64_t shadow = 0;  // Updated with `value`; they differ only if a section tore.

  void Increment() {
    const std::uint64_t old = value;
    CpuRelax();  // Widens the window in which a broken lock would let another thread in.
    value = old + 1;
    shadow = shadow + 1;
  }
};

constinit Mutex<Counter> global_counter;

TEST(MutexTest, GuardGivesAccessAndReleasesAtScopeEnd) {
  Mutex<std::string> name("keel");
  {
    auto guard = name.Lock();
    EXPECT_EQ(*guard, "keel");
    guard->append("!");
    EXPECT_FALSE(name.TryLock());
  }
  auto guard = name.TryLock();
  ASSERT_TRUE(guard);
  EXPECT_EQ(*guard, "keel!");
}

TEST(MutexTest, TryLockFailsWhileAnotherThreadHoldsTheLock) {
  Mutex<int> number(1);
  auto guard = number.Lock();
  bool acquired = true;
  std::thread([&] { acquired = static_cast<bool>(number.TryLock()); }).join();
  EXPECT_FALSE(acquired);
}

TEST(MutexTest, WithReturnsTheResultByValue) {
  Mutex<int> number(41);
  EXPECT_EQ(number.With([](int& n) { return ++n; }), 42);
  number.With([](int& n) { n = 7; });
  EXPECT_EQ(*number.Lock(), 7);
}

TEST(MutexTest, ConstinitGlobalStartsValueInitialised) {
  auto guard = global_counter.Lock();
  EXPECT_EQ(guard->value, 0U);
}

TEST(MutexDeathTest, DereferencingAnEmptyMaybeGuardPanics) {
  Mutex<int> number(1);
  auto held = number.Lock();
  EXPECT_DEATH(
      {
        auto guard = number.TryLock();
        (void)*guard;
      },
      "Mutex::MaybeGuard: lock not acquired");
}

TEST(IrqMutexTest, InterruptsAreDisabledExactlyWhileHeld) {
  IrqMutex<int> number(0);
  {
    auto guard = number.Lock();
    EXPECT_FALSE(interrupts::AreEnabled());
  }
  EXPECT_TRUE(interrupts::AreEnabled());
  number.With([](int&) { EXPECT_FALSE(interrupts::AreEnabled()); });
  EXPECT_TRUE(interrupts::AreEnabled());
  {
    const interrupts::InterruptGuard outer;
    {
      auto guard = number.Lock();
    }
    EXPECT_FALSE(interrupts::AreEnabled());
  }
  EXPECT_TRUE(interrupts::AreEnabled());
}

// Increments `counter` through each of the three ways in, chosen by the thread's index.
template <typename M>
void IncrementVariously(M& counter, int thread, int increments) {
  for (int i = 0; i < increments; ++i) {
    switch ((thread + i) % 3) {
      case 0: {
        auto guard = counter.Lock();
        guard->Increment();
        break;
      }
      case 1:
        counter.With([](Counter& c) { c.Increment(); });
        break;
      case 2:
        while (true) {
          if (auto guard = counter.TryLock()) {
            guard->Increment();
            break;
          }
          CpuRelax();
        }
        break;
      default:
        std::unreachable();  // (thread + i) % 3 is 0, 1 or 2.
    }
  }
}

RC_GTEST_PROP(MutexTest, CountsExactlyUnderContention, ()) {
  const int threads = *rc::gen::inRange(1, 9);
  const int increments = *rc::gen::inRange(1, 3000);
  Mutex<Counter> counter;
  testing::RunConcurrently(threads,
                           [&](int thread) { IncrementVariously(counter, thread, increments); });
  const auto guard = counter.Lock();
  RC_ASSERT(guard->value == std::uint64_t(threads) * std::uint64_t(increments));
  RC_ASSERT(guard->shadow == guard->value);
}

RC_GTEST_PROP(IrqMutexTest, CountsExactlyUnderContentionWithInterruptsOff, ()) {
  const int threads = *rc::gen::inRange(1, 9);
  const int increments = *rc::gen::inRange(1, 3000);
  IrqMutex<Counter> counter;
  std::atomic<int> wrong_flag{0};
  testing::RunConcurrently(threads, [&](int thread) {
    IncrementVariously(counter, thread, increments);
    counter.With([&](Counter&) { wrong_flag += interrupts::AreEnabled() ? 1 : 0; });
    wrong_flag += interrupts::AreEnabled() ? 0 : 1;
  });
  RC_ASSERT(wrong_flag.load() == 0);
  const auto guard = counter.Lock();
  RC_ASSERT(guard->value == std::uint64_t(threads) * std::uint64_t(increments));
  RC_ASSERT(guard->shadow == guard->value);
}

}  // namespace
}  // namespace libk
