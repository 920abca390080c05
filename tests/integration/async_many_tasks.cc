// async_many_tasks: 100,000 tasks spawned on the kernel's executor (in waves, so that the
// 2 MiB static heap holds them), each yielding once before it completes; afterwards the
// executor is gone and the heap is back to its baseline (global_heap::Stats()). The ticks
// it took give the kernel's spawn+complete rate.
#include <cstdint>

#include "libk/alloc/global_heap.h"
#include "libk/alloc/heap_stats.h"
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

constexpr std::uint64_t kTasks = 100'000;
// Tasks alive at once: all of them. Their frames and slots (about 20 MiB) come from the
// kernel heap, which grows to hold them and shrinks back to its baseline use after.
constexpr std::uint64_t kWave = kTasks;

libk::async::Task<void> Worker(std::uint64_t* completed) {
  co_await libk::async::Yield();
  ++*completed;
}

}  // namespace

void Main(const libk::multiboot2::Info& boot_info) {
  static_cast<void>(async_boot::Boot(boot_info));
  const libk::alloc::HeapStats before = libk::alloc::global_heap::Stats();
  kprintln("async_many_tasks: baseline {} bytes in {} allocations", before.bytes_in_use,
           before.live_allocations);
  std::uint64_t completed = 0;
  std::uint64_t spawned = 0;
  const std::uint64_t start = time::Ticks();
  {
    async::KernelExecutor runtime;
    while (spawned < kTasks) {
      for (std::uint64_t i = 0; i < kWave && spawned < kTasks; ++i, ++spawned) {
        LIBK_ASSERT(runtime.executor().Spawn(Worker(&completed)).is_ok(), "spawn {} failed",
                    spawned);
      }
      runtime.RunUntil([&] { return completed == spawned; });
    }
    const libk::async::ExecutorStats stats = runtime.executor().stats();
    kprintln("async_many_tasks: spawned {}, completed {}, live {}, peak slots {}", stats.spawned,
             stats.completed, stats.live, stats.slots);
    LIBK_ASSERT(stats.spawned == kTasks && stats.completed == kTasks && stats.live == 0,
                "not every task completed");
  }
  const std::uint64_t ticks = time::Ticks() - start;
  const libk::alloc::HeapStats after = libk::alloc::global_heap::Stats();
  kprintln("async_many_tasks: {} tasks completed in {} ticks of 10 ms", completed, ticks);
  kprintln("async_many_tasks: after {} bytes in {} allocations", after.bytes_in_use,
           after.live_allocations);
  const bool ok = completed == kTasks && after.bytes_in_use == before.bytes_in_use &&
                  after.live_allocations == before.live_allocations;
  kprintln("async_many_tasks: heap back to baseline: {}", ok ? "yes" : "no");
  async_boot::Finish(ok);
}

}  // namespace kernel
