// async_idle: with nothing ready, the run loop halts (sti; hlt) until an interrupt. A
// task sleeps for a second; the halts counted meanwhile must be close to the interrupts
// (timer ticks) that arrived: at most one more, and not fewer than half. The timer queue's
// tick hook wakes the run loop only when the sleep is due: once (twice if a tick lands
// while the timer fires), not on each of the hundred ticks.
#include <cstdint>

#include "libk/async/sleep.h"
#include "libk/async/task.h"
#include "libk/async/yield.h"
#include "libk/panic/panic.h"

#include "kernel/async/runtime.h"
#include "kernel/console/print.h"
#include "kernel/interrupts/irq.h"
#include "kernel/main.h"
#include "tests/integration/async_boot.h"

namespace kernel {
namespace {

libk::async::Task<void> Watch(bool* ok) {
  const libk::async::Executor& executor = co_await libk::async::ThisExecutor();
  const std::uint64_t halts_before = async::KernelExecutor::halts();
  const std::uint64_t irqs_before = interrupts::IrqCount();
  const std::uint64_t timer_wakes_before = executor.stats().timer_wakes;
  co_await libk::async::Sleep(async::Milliseconds(1000));
  const std::uint64_t halts = async::KernelExecutor::halts() - halts_before;
  const std::uint64_t irqs = interrupts::IrqCount() - irqs_before;
  const std::uint64_t timer_wakes = executor.stats().timer_wakes - timer_wakes_before;
  kprintln("async_idle: {} halts, {} interrupts, {} timer wakes", halts, irqs, timer_wakes);
  *ok =
      irqs >= 90 && halts <= irqs + 1 && 2 * halts >= irqs && timer_wakes >= 1 && timer_wakes <= 2;
  kprintln("async_idle: halts and timer wakes within bounds: {}", *ok ? "yes" : "no");
}

}  // namespace

void Main(const libk::multiboot2::Info& boot_info) {
  static_cast<void>(async_boot::Boot(boot_info));
  async::KernelExecutor runtime;
  bool ok = false;
  auto handle = runtime.executor().Spawn(Watch(&ok));
  LIBK_ASSERT(handle.is_ok(), "spawn failed");
  const libk::async::TaskId id = handle.value();
  runtime.RunUntil([&] { return !runtime.executor().IsAlive(id); });
  async_boot::Finish(ok);
}

}  // namespace kernel
