// The kernel's executor: libk::async::Executor with a wake queue, the PIT's tick counter
// as its clock (so Sleep and deadlines count timer ticks), a tick hook that wakes the run
// loop when a timer is due, and the idle step that halts the CPU with `sti; hlt` until a
// wake or a due timer, counting each halt.
#pragma once

#include <cstdint>

#include "libk/async/executor.h"
#include "libk/async/time.h"

#include "kernel/time/tick_hooks.h"

namespace kernel::async {

// Returns `ms` milliseconds as a whole number of timer ticks (at least one tick for a
// nonzero duration), at the rate time::StartTimer programmed. Requires StartTimer.
libk::async::Duration Milliseconds(std::uint64_t ms);

// Returns the clock that reads kernel::time::Ticks().
libk::async::Clock TickClock();

// Owns the wake queue and the executor that runs the kernel's tasks on this CPU, and the
// tick hook of its timer queue: in the timer interrupt, the hook compares the earliest
// deadline (published in an atomic) with the new tick count and wakes the run loop only
// when a timer is due. An interrupt that wakes nothing leaves the CPU halted.
class KernelExecutor {
 public:
  // The wake queue's capacity: interrupt handlers wake at most a few tasks each, and a
  // full queue loses no wake (the executor rescans its tasks, docs/async.md).
  static constexpr std::size_t kWakeQueueCapacity = 256;

  // Registers the timer queue's tick hook; panics if every tick hook slot is taken
  // (time::kMaxTickHooks), a configuration error. Requires time::StartTimer and
  // interrupts::Init (the idle step enables interrupts).
  KernelExecutor();
  KernelExecutor(const KernelExecutor&) = delete;
  KernelExecutor& operator=(const KernelExecutor&) = delete;
  // Unregisters the tick hook, then ends the tasks still alive (~Executor).
  ~KernelExecutor();

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
  // The timer queue's tick hook: interrupt context, one atomic load and at most one
  // atomic flag set (Executor::WakeIfTimerDue).
  class TimerHook final : public time::TickHook {
   public:
    explicit TimerHook(libk::async::Executor& executor) : executor_(&executor) {}
    void OnTick(std::uint64_t ticks) override;

   private:
    libk::async::Executor* executor_;
  };

  static bool Idle(void* context, libk::async::Executor& executor);

  libk::async::BoundedWakeQueue<kWakeQueueCapacity> wakes_;
  libk::async::Executor executor_;
  TimerHook timer_hook_{executor_};
};

}  // namespace kernel::async
