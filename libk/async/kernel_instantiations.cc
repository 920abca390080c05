// Compiles every libk/async template with the kernel's flags, so that a dependency on the
// hosted standard library (a header outside the kernel's libc++ allowlist,
// libk/std/kernel_headers.bzl, or one reached only transitively) fails the build. This is
// what phase 2's kernel tasks will look like; nothing here runs.
#include <atomic>
#include <cstdint>

#include "libk/async/channel.h"
#include "libk/async/combinators.h"
#include "libk/async/executor.h"
#include "libk/async/join_handle.h"
#include "libk/async/mpsc_queue.h"
#include "libk/async/mutex.h"
#include "libk/async/sleep.h"
#include "libk/async/task.h"
#include "libk/async/time.h"
#include "libk/async/yield.h"

namespace libk::async::kernel_instantiations {
namespace {

std::atomic<std::uint64_t> ticks;

Instant ReadTicks(void*) { return Instant::FromTicks(ticks.load(std::memory_order_relaxed)); }

struct Totals {
  std::uint64_t keys = 0;
  std::uint64_t lines = 0;
};

Task<int> Double(int x) {
  co_await Yield();
  co_return 2 * x;
}

Task<void> Pause() { co_await Sleep(Duration::Ticks(1)); }

Task<int> Combine(Mutex<Totals>* totals, Channel<std::uint8_t, 64>* keys) {
  Executor& executor = co_await ThisExecutor();
  int sum = co_await Double(21);
  Result<JoinHandle<int>> handle = executor.SpawnJoinable(Double(1));
  if (handle.is_ok()) sum += (co_await std::move(handle).value()).ValueOr(0);
  Result<ArrayVec<int, 2>> both = co_await WhenAll(Double(2), Double(3));
  if (both.is_ok()) sum += both.value()[0] + both.value()[1];
  Result<AnyResult<int>> first = co_await WhenAny(Double(4), Double(5));
  if (first.is_ok()) sum += first.value().value;
  if ((co_await WhenAll(Pause(), Pause())).is_ok()) ++sum;
  sum += (co_await WithTimeout(Double(6), Duration::Ticks(10))).ValueOr(-1);
  co_await SleepUntil(Instant::FromTicks(5));
  while (Optional<std::uint8_t> key = co_await keys->Next()) {
    auto guard = co_await totals->Lock();
    guard->keys += *key;
    co_await Yield();  // An async guard may be held across co_await.
  }
  co_return sum;
}

}  // namespace

// Called from an interrupt handler in phase 2: pushes and wakes, nothing else.
bool OnKey(Channel<std::uint8_t, 64>& keys, std::uint8_t scancode) {
  return keys.TryPush(scancode);
}

// Never called, only compiled.
std::uint64_t Exercise() {
  BoundedWakeQueue<256> wakes;
  Executor executor(wakes, Clock{&ReadTicks, nullptr},
                    IdleStep{[](void*, Executor& e) { return e.HasPendingWakes(); }, nullptr});
  Mutex<Totals> totals;
  Channel<std::uint8_t, 64> keys;
  Result<TaskId> id = executor.Spawn(Combine(&totals, &keys));
  (void)OnKey(keys, 0x1e);
  keys.Close();
  executor.RunUntilIdle();
  (void)executor.RunUntil([&] { return id.is_ok() && !executor.IsAlive(id.value()); });
  BoundedMpscQueue<std::uint16_t, 8> raw;
  (void)raw.TryPush(1);
  return executor.stats().completed + raw.TryPop().ValueOr(0) + keys.overflows();
}

}  // namespace libk::async::kernel_instantiations
