// The kernel's executor: libk::async::Executor with a wake queue, the PIT's tick counter
// as its clock (so Sleep and deadlines count timer ticks), and the idle step that halts
// the CPU with `sti; hlt` when no task is ready, counting each wake-up from the halt.
#pragma once

#include <cstdint>

#include "libk/async/executor.h"
#include "libk/async/time.h"

namespace kernel::async {

// Returns `ms` milliseconds as a whole number of timer ticks (at least one tick for a
// nonzero duration), at the rate time::StartTimer programmed. Requires StartTimer.
libk::async::Duration Milliseconds(std::uint64_t ms);

// Returns the clock that reads kernel::time::Ticks().
libk::async::Clock TickClock();

// Owns the wake queue and the executor that runs the kernel's tasks on this CPU. Timers
// need no hook of their own: every timer interrupt ends the idle step's halt, and the run
// loop fires the timers that are due before it looks for ready tasks.
class KernelExecutor {
 public:
  // The wake queue's capacity: interrupt handlers wake at most a few tasks each, and a
  // full queue loses no wake (the executor rescans its tasks, docs/async.md).
  static constexpr std::size_t kWakeQueueCapacity = 256;

  // Requires time::StartTimer and interrupts::Init (the idle step enables interrupts).
  KernelExecutor();
  KernelExecutor(const KernelExecutor&) = delete;
  KernelExecutor& operator=(const KernelExecutor&) = delete;
  ~KernelExecutor() = default;

  libk::async::Executor& executor() { return executor_; }

  // Runs tasks until `done()` holds, halting when none is ready.
  template <typename Predicate>
  void RunUntil(Predicate done) {
    executor_.RunUntil(done);
  }

  // Returns how many times the kernel's idle step halted since boot (each halt ends at one
  // interrupt).
  static std::uint64_t halts();

 private:
  static bool Idle(void* context, libk::async::Executor& executor);

  libk::async::BoundedWakeQueue<kWakeQueueCapacity> wakes_;
  libk::async::Executor executor_;
};

}  // namespace kernel::async
