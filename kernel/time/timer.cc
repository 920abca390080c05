#include "kernel/time/timer.h"

#include <atomic>
#include <cstdint>

#include "libk/panic/panic.h"

#include "kernel/interrupts/interrupts.h"
#include "kernel/interrupts/irq.h"
#include "kernel/time/system_pit.h"

namespace kernel::time {
namespace {

std::atomic<std::uint64_t> ticks{0};
std::atomic<std::uint64_t> millihertz{0};
std::atomic<TickHook> tick_hook{nullptr};

void OnTimer() {
  const std::uint64_t now = ticks.fetch_add(1, std::memory_order_relaxed) + 1;
  const TickHook hook = tick_hook.load(std::memory_order_relaxed);
  if (hook != nullptr) hook(now);
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

void SetTickHook(TickHook hook) { tick_hook.store(hook, std::memory_order_relaxed); }

}  // namespace kernel::time
