#include "kernel/async/runtime.h"

#include <atomic>

#include "libk/async/idle.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/result.h"
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

// The CPU as HaltUntilWoken sees it: the interrupt flag, and `sti; hlt`.
struct KernelCpu {
  static void DisableInterrupts() { libk::interrupts::Disable(); }
  static void EnableInterrupts() {
    // SAFETY: interrupts::Init loaded the IDT (required by KernelExecutor's constructor's
    // caller) and every lock an interrupt handler takes is an IrqMutex.
    libk::interrupts::Enable();
  }
  static bool HaltUntilInterrupt() {
    halt_count.fetch_add(1, std::memory_order_relaxed);
    interrupts::WaitForInterrupt();
    return true;
  }
};

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
    : executor_(wakes_, TickClock(), libk::async::IdleStep{&KernelExecutor::Idle, nullptr}) {
  const libk::Result<void> added = time::AddTickHook(timer_hook_);
  LIBK_ASSERT(added.is_ok(), "KernelExecutor: cannot register its timer queue's tick hook: {}",
              libk::ErrorName(added.error()));
}

KernelExecutor::~KernelExecutor() {
  const libk::Result<void> removed = time::RemoveTickHook(timer_hook_);
  LIBK_ASSERT(removed.is_ok(), "KernelExecutor: its tick hook was not registered");
}

std::uint64_t KernelExecutor::halts() { return halt_count.load(std::memory_order_relaxed); }

void KernelExecutor::TimerHook::OnTick(std::uint64_t ticks) {
  static_cast<void>(executor_->WakeIfTimerDue(libk::async::Instant::FromTicks(ticks)));
}

bool KernelExecutor::Idle(void* /*context*/, libk::async::Executor& executor) {
  KernelCpu cpu;
  return libk::async::HaltUntilWoken(executor, cpu);
}

}  // namespace kernel::async
