#include "kernel/async/runtime.h"

#include <atomic>

#include "libk/panic/panic.h"
#include "libk/sync/interrupts.h"

#include "kernel/interrupts/interrupts.h"
#include "kernel/time/timer.h"

namespace kernel::async {
namespace {

// Halts of the idle step since boot, for every KernelExecutor (one CPU runs one at a
// time). A global rather than a member: the idle step's context pointer would need a cast.
std::atomic<std::uint64_t> halt_count{0};

libk::async::Instant ReadTicks(void* /*context*/) {
  return libk::async::Instant::FromTicks(time::Ticks());
}

}  // namespace

libk::async::Duration Milliseconds(std::uint64_t ms) {
  const std::uint64_t millihertz = time::TimerMillihertz();
  LIBK_ASSERT(millihertz != 0, "Milliseconds before time::StartTimer");
  // ticks = ms * (millihertz / 1000) / 1000, rounded up so a nonzero wait never rounds to 0.
  const std::uint64_t ticks = ((ms * millihertz) + 999'999) / 1'000'000;
  return libk::async::Duration::Ticks(ticks);
}

libk::async::Clock TickClock() { return libk::async::Clock{&ReadTicks, nullptr}; }

KernelExecutor::KernelExecutor()
    : executor_(wakes_, TickClock(), libk::async::IdleStep{&KernelExecutor::Idle, nullptr}) {}

std::uint64_t KernelExecutor::halts() { return halt_count.load(std::memory_order_relaxed); }

bool KernelExecutor::Idle(void* /*context*/, libk::async::Executor& executor) {
  // Checked with interrupts off: a wake pushed by a handler after this check cannot be
  // missed, because `sti; hlt` enables interrupts and halts in one step, and the pending
  // interrupt then ends the halt.
  libk::interrupts::Disable();
  const libk::Optional<libk::async::Instant> deadline = executor.NextDeadline();
  const bool timer_due = deadline && *deadline <= executor.Now();
  if (executor.HasPendingWakes() || timer_due) {
    // SAFETY: interrupts::Init loaded the IDT (required by the constructor's caller) and
    // every lock an interrupt handler takes is an IrqMutex.
    libk::interrupts::Enable();
    return true;
  }
  halt_count.fetch_add(1, std::memory_order_relaxed);
  interrupts::WaitForInterrupt();
  return true;
}

}  // namespace kernel::async
