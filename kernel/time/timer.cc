#include "kernel/time/timer.h"

#include <atomic>
#include <cstdint>

#include "libk/panic/panic.h"
#include "libk/result/result.h"

#include "kernel/interrupts/interrupts.h"
#include "kernel/interrupts/irq.h"
#include "kernel/time/system_pit.h"
#include "kernel/time/tick_hooks.h"

namespace kernel::time {
namespace {

std::atomic<std::uint64_t> ticks{0};
std::atomic<std::uint64_t> millihertz{0};
constinit TickHooks<kMaxTickHooks> tick_hooks;

void OnTimer() {
  const std::uint64_t now = ticks.fetch_add(1, std::memory_order_relaxed) + 1;
  tick_hooks.Run(now);
}

}  // namespace

PitSetting StartTimer(std::uint32_t hz) {
  LIBK_ASSERT(interrupts::Initialized(), "StartTimer before interrupts::Init");
  const PitSetting setting = internal::SystemPit().Lock()->SetRate(hz);
  millihertz.store(setting.actual_millihertz, std::memory_order_relaxed);
  interrupts::SetIrqHandler(interrupts::kTimerIrq, &OnTimer);
  return setting;
}

std::uint64_t Ticks() { return ticks.load(std::memory_order_relaxed); }

std::uint64_t TimerMillihertz() { return millihertz.load(std::memory_order_relaxed); }

libk::Result<void> AddTickHook(TickHook& hook) { return tick_hooks.Add(hook); }

libk::Result<void> RemoveTickHook(TickHook& hook) { return tick_hooks.Remove(hook); }

}  // namespace kernel::time
