// A benchmark kernel: the TSC cycles from a timer interrupt to the task it wakes running
// again on the kernel's executor, by two paths -- a task sleeping one tick (the timer
// queue's tick hook wakes the run loop, which fires the timer) and a task awaiting a
// Channel that the interrupt pushes into -- each over 1,000 ticks at 1 kHz, printed as
// min, median, p99 and max; and spawn+complete per second. The interrupt's timestamp is
// taken in the first tick hook (after the IRQ dispatcher and the tick count), the task's
// right after its co_await returns. Run: bazel run //tools/bench:async_wake. Under TCG the
// TSC is the host's and every figure includes the emulator's work.
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/cpu.h"
#include "libk/async/channel.h"
#include "libk/async/executor.h"
#include "libk/async/sleep.h"
#include "libk/async/task.h"
#include "libk/async/yield.h"
#include "libk/panic/panic.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"
#include "libk/sync/interrupts.h"

#include "kernel/async/runtime.h"
#include "kernel/console/print.h"
#include "kernel/main.h"
#include "kernel/time/tick_hooks.h"
#include "kernel/time/timer.h"
#include "kernel/time/tsc_calibration.h"
#include "tests/integration/async_boot.h"

namespace kernel {
namespace {

constexpr std::size_t kSamples = 1000;
constexpr std::uint32_t kTimerHz = 1000;
constexpr std::uint64_t kTasksPerBatch = 1000;
constexpr std::size_t kBatches = 21;

using Samples = std::array<std::uint64_t, kSamples>;

// A tick and the TSC when the timer interrupt saw it.
struct Stamp {
  std::uint64_t tick = 0;
  std::uint64_t tsc = 0;
};

// The first tick hook: stamps every tick in a small ring (so a task that resumes a tick
// late still finds the stamp of the tick that woke it) and, when armed, pushes the stamp
// into a channel. Interrupt context: atomics and a lock-free push only.
class StampHook final : public time::TickHook {
 public:
  void OnTick(std::uint64_t ticks) override {
    const std::uint64_t tsc = libk::x86_64::ReadTimeStampCounter();
    Entry& entry = ring_[ticks % kRing];
    entry.tsc.store(tsc, std::memory_order_relaxed);
    entry.tick.store(ticks, std::memory_order_release);
    if (armed_.load(std::memory_order_acquire)) static_cast<void>(channel_.TryPush({ticks, tsc}));
  }

  // Returns the stamp of `tick`, if the ring still holds it. Task context.
  libk::Optional<std::uint64_t> TscOf(std::uint64_t tick) const {
    // With interrupts disabled the handler cannot rewrite the entry between the two loads.
    const libk::interrupts::InterruptGuard guard;
    const Entry& entry = ring_[tick % kRing];
    if (entry.tick.load(std::memory_order_acquire) != tick) return libk::kNone;
    return entry.tsc.load(std::memory_order_relaxed);
  }

  void Arm(bool armed) { armed_.store(armed, std::memory_order_release); }
  libk::async::Channel<Stamp, 8>& channel() { return channel_; }

 private:
  static constexpr std::size_t kRing = 8;
  struct Entry {
    std::atomic<std::uint64_t> tick{0};
    std::atomic<std::uint64_t> tsc{0};
  };
  std::array<Entry, kRing> ring_{};
  std::atomic<bool> armed_{false};
  libk::async::Channel<Stamp, 8> channel_;
};

Samples sleep_samples;
Samples channel_samples;
std::array<std::uint64_t, kBatches> batch_cycles;

// Sorts `values` (insertion sort: a thousand values, once per figure; libc++'s std::sort
// of integers is compiled into its library, which the kernel does not link).
template <std::size_t kSize>
void Sort(std::array<std::uint64_t, kSize>& values) {
  for (std::size_t i = 1; i < kSize; ++i) {
    const std::uint64_t value = values[i];
    std::size_t j = i;
    for (; j > 0 && values[j - 1] > value; --j) values[j] = values[j - 1];
    values[j] = value;
  }
}

void Report(const char* path, Samples& samples) {
  Sort(samples);
  serial_println(
      "bench: async: timer IRQ -> {}: min {} median {} p99 {} max {} cycles ({} samples)", path,
      samples[0], samples[kSamples / 2], samples[kSamples * 99 / 100], samples[kSamples - 1],
      kSamples);
}

// Sleeps one tick at a time; each wake-up's latency is measured from the stamp of the
// tick its deadline names, which is the tick whose hook woke the run loop.
libk::async::Task<void> SleepOneTick(const StampHook* stamps, std::size_t* taken) {
  std::size_t lost = 0;
  while (*taken < kSamples) {
    const auto deadline = libk::async::Instant::FromTicks(time::Ticks() + 1);
    co_await libk::async::SleepUntil(deadline);
    const std::uint64_t now = libk::x86_64::ReadTimeStampCounter();
    const libk::Optional<std::uint64_t> stamp = stamps->TscOf(deadline.ticks());
    if (stamp.has_value()) {
      sleep_samples[(*taken)++] = now - *stamp;
    } else {
      ++lost;
    }
  }
  if (lost != 0) serial_println("bench: async: {} sleep samples lost (the ring moved on)", lost);
}

// Awaits the stamps the tick hook pushes into the channel, one per tick.
libk::async::Task<void> AwaitChannel(StampHook* stamps, std::size_t* taken) {
  stamps->Arm(true);
  while (*taken < kSamples) {
    const libk::Optional<Stamp> stamp = co_await stamps->channel().Next();
    const std::uint64_t now = libk::x86_64::ReadTimeStampCounter();
    LIBK_ASSERT(stamp.has_value(), "the stamp channel was closed");
    channel_samples[(*taken)++] = now - stamp->tsc;
  }
  stamps->Arm(false);
}

libk::async::Task<void> Worker(std::uint64_t* completed) {
  co_await libk::async::Yield();
  ++*completed;
}

// Spawns kTasksPerBatch tasks that yield once, runs them to completion and returns the
// cycles it took.
std::uint64_t SpawnAndComplete(async::KernelExecutor& runtime) {
  std::uint64_t completed = 0;
  const std::uint64_t start = libk::x86_64::ReadTimeStampCounter();
  for (std::uint64_t i = 0; i < kTasksPerBatch; ++i) {
    LIBK_ASSERT(runtime.executor().Spawn(Worker(&completed)).is_ok(), "spawn {} failed", i);
  }
  runtime.RunUntil([&completed] { return completed == kTasksPerBatch; });
  return libk::x86_64::ReadTimeStampCounter() - start;
}

void MeasureSpawnAndComplete(async::KernelExecutor& runtime, std::uint64_t tsc_hz) {
  for (std::uint64_t& cycles : batch_cycles) cycles = SpawnAndComplete(runtime);
  Sort(batch_cycles);
  const std::uint64_t median = batch_cycles[kBatches / 2];
  serial_println(
      "bench: async: spawn+complete (a task that yields once), batches of {}: "
      "median {} cycles per task (min {}, max {}), {} per second",
      kTasksPerBatch, median / kTasksPerBatch, batch_cycles[0] / kTasksPerBatch,
      batch_cycles[kBatches - 1] / kTasksPerBatch, tsc_hz * kTasksPerBatch / median);
}

}  // namespace

void Main(const libk::multiboot2::Info& boot_info) {
  static_cast<void>(async_boot::Boot(boot_info));
  const libk::Result<std::uint64_t> tsc_hz = time::MeasureTscHz(50);
  LIBK_ASSERT(tsc_hz.is_ok(), "cannot measure the TSC");
  static_cast<void>(time::StartTimer(kTimerHz));
  // Registered before the executor's hook, so the stamp precedes the wake. Lives for good:
  // Main never returns.
  StampHook stamp_hook;
  LIBK_ASSERT(time::AddTickHook(stamp_hook).is_ok(), "no free tick hook");
  serial_println("bench: async: TSC at {} kHz, timer at {} Hz, {} samples per path",
                 tsc_hz.value() / 1000, kTimerHz, kSamples);
  async::KernelExecutor runtime;
  std::size_t sleep_taken = 0;
  LIBK_ASSERT(runtime.executor().Spawn(SleepOneTick(&stamp_hook, &sleep_taken)).is_ok(),
              "spawn failed");
  runtime.RunUntil([&sleep_taken] { return sleep_taken == kSamples; });
  Report("Sleep(1 tick) task (tick hook, timer queue)", sleep_samples);
  std::size_t channel_taken = 0;
  LIBK_ASSERT(runtime.executor().Spawn(AwaitChannel(&stamp_hook, &channel_taken)).is_ok(),
              "spawn failed");
  runtime.RunUntil([&channel_taken] { return channel_taken == kSamples; });
  Report("Channel::Next() task (push in the tick hook)", channel_samples);
  MeasureSpawnAndComplete(runtime, tsc_hz.value());
  serial_println("async_wake_benchmark: done");
  async_boot::Finish(true);
}

}  // namespace kernel
