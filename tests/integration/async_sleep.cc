// async_sleep: two tasks sleep on the timer queue with different periods (3 and 7 ticks
// of 10 ms) and print each wake-up; the order shows the timers fire by deadline:
// a1 (tick 3), a2 (6), b1 (7), a3 (9), b2 (14).
#include <cstdint>

#include "libk/async/join_handle.h"
#include "libk/async/sleep.h"
#include "libk/async/task.h"
#include "libk/async/yield.h"
#include "libk/panic/panic.h"

#include "kernel/async/runtime.h"
#include "kernel/console/print.h"
#include "kernel/main.h"
#include "kernel/time/timer.h"
#include "tests/integration/async_boot.h"

namespace kernel {
namespace {

libk::async::Task<int> Sleeper(char name, std::uint64_t period_ticks, int rounds) {
  for (int round = 1; round <= rounds; ++round) {
    co_await libk::async::Sleep(libk::async::Duration::Ticks(period_ticks));
    kprintln("async_sleep: {}{}", name, round);
  }
  co_return rounds;
}

libk::async::Task<void> Run(bool* done) {
  libk::async::Executor& executor = co_await libk::async::ThisExecutor();
  const std::uint64_t start = time::Ticks();
  auto a = executor.SpawnJoinable(Sleeper('a', 3, 3));
  auto b = executor.SpawnJoinable(Sleeper('b', 7, 2));
  LIBK_ASSERT(a.is_ok() && b.is_ok(), "spawn failed");
  const auto a_rounds = co_await std::move(a.value());
  const auto b_rounds = co_await std::move(b.value());
  const std::uint64_t elapsed = time::Ticks() - start;
  kprintln("async_sleep: done: a {} rounds, b {} rounds, {} ticks", a_rounds.value(),
           b_rounds.value(), elapsed);
  LIBK_ASSERT(elapsed >= 14, "slept {} ticks, less than the 14 of b's two naps", elapsed);
  *done = true;
}

}  // namespace

void Main(const libk::multiboot2::Info& boot_info) {
  static_cast<void>(async_boot::Boot(boot_info));
  async::KernelExecutor runtime;  // Lives for good: Main never returns.
  bool done = false;
  LIBK_ASSERT(runtime.executor().Spawn(Run(&done)).is_ok(), "spawn failed");
  runtime.RunUntil([&done] { return done; });
  async_boot::Finish(true);
}

}  // namespace kernel
