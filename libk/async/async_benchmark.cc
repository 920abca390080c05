// What tasks cost, on the host: a round trip between two tasks through the executor (two
// channels) against two std::threads with a mutex and a condition variable; spawning and
// completing a task; and the memory an idle task takes (frame plus slot), counted by the
// replacement operator new. Run: bazel run -c opt //libk/async:async_benchmark
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include <benchmark/benchmark.h>

#include "libk/async/channel.h"
#include "libk/async/executor.h"
#include "libk/async/sleep.h"
#include "libk/async/task.h"
#include "libk/async/testing/counting_new.h"
#include "libk/result/optional.h"

namespace libk::async {
namespace {

constexpr std::int64_t kRoundTrips = 10000;

using Pipe = Channel<std::uint32_t, 4>;

Task<void> Ping(Pipe* out, Pipe* in, std::int64_t rounds) {
  for (std::int64_t i = 0; i < rounds; ++i) {
    (void)out->TryPush(static_cast<std::uint32_t>(i));
    (void)co_await in->Next();
  }
  out->Close();
}

Task<void> Pong(Pipe* in, Pipe* out) {
  while (Optional<std::uint32_t> value = co_await in->Next()) (void)out->TryPush(*value);
}

// Reports the time per round trip as the "round_trip" counter (seconds; shown in ns).
void ReportRoundTrips(benchmark::State& state) {
  state.counters["round_trip"] =
      benchmark::Counter(static_cast<double>(state.iterations() * kRoundTrips),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_PingPongTasks(benchmark::State& state) {
  BoundedWakeQueue<64> wakes;
  Executor executor(wakes);
  while (state.KeepRunning()) {
    Pipe there;
    Pipe back;
    (void)executor.Spawn(Ping(&there, &back, kRoundTrips));
    (void)executor.Spawn(Pong(&there, &back));
    executor.RunUntilIdle();
  }
  ReportRoundTrips(state);
}
BENCHMARK(BM_PingPongTasks)->UseRealTime();

void BM_PingPongThreads(benchmark::State& state) {
  while (state.KeepRunning()) {
    std::mutex mutex;
    std::condition_variable changed;
    bool ping_turn = true;
    auto player = [&](bool is_ping) {
      for (std::int64_t i = 0; i < kRoundTrips; ++i) {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return ping_turn == is_ping; });
        ping_turn = !is_ping;
        changed.notify_one();
      }
    };
    std::thread ping(player, true);
    std::thread pong(player, false);
    ping.join();
    pong.join();
  }
  ReportRoundTrips(state);
}
BENCHMARK(BM_PingPongThreads)->UseRealTime();

Task<void> Nothing() { co_return; }

void BM_SpawnAndComplete(benchmark::State& state) {
  BoundedWakeQueue<64> wakes;
  Executor executor(wakes);
  while (state.KeepRunning()) {
    (void)executor.Spawn(Nothing());
    executor.RunOnce();
  }
}
BENCHMARK(BM_SpawnAndComplete);

// Waits forever without registering anywhere: the smallest possible idle task.
class Forever : public Awaiter {
 public:
  static bool await_ready() { return false; }
  static void await_suspend(TaskContext) {}
  static void await_resume() {}
};

Task<void> IdleForever() { co_await Forever(); }

Task<void> IdleAsleep() { co_await Sleep(Duration::Ticks(1000)); }

// Spawns `tasks` idle tasks, runs each to its first suspension, and reports the bytes they
// took per task (everything), of which frames and slots (including the slots made but not
// yet used: the table grows in doubling chunks), then frees them.
template <Task<void> (*kMake)()>
void BM_BytesPerIdleTask(benchmark::State& state) {
  const auto tasks = state.range(0);
  while (state.KeepRunning()) {
    const std::int64_t before = testing::Allocations().live_bytes;
    {
      BoundedWakeQueue<64> wakes;
      Executor executor(wakes);
      for (std::int64_t i = 0; i < tasks; ++i) (void)executor.Spawn(kMake());
      executor.RunUntilIdle();
      const auto bytes = static_cast<double>(testing::Allocations().live_bytes - before);
      const auto slot_bytes = static_cast<double>(executor.stats().slots) * sizeof(internal::Slot);
      const auto count = static_cast<double>(tasks);
      state.counters["bytes_per_task"] = bytes / count;
      state.counters["frame_bytes"] = (bytes - slot_bytes) / count;
      state.counters["slot_bytes"] = slot_bytes / count;
    }
  }
}
BENCHMARK(BM_BytesPerIdleTask<&IdleForever>)->Arg(100000)->Iterations(1);
BENCHMARK(BM_BytesPerIdleTask<&IdleAsleep>)->Arg(100000)->Iterations(1);

}  // namespace
}  // namespace libk::async
