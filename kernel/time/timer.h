// The system timer: PIT channel 0 on IRQ 0 at a configurable rate, counting ticks in a
// monotonic atomic counter. Subsystems above run code on every tick through tick hooks
// (tick_hooks.h): the async executor's timer queue, tests.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/result/result.h"

#include "kernel/time/pit_divisor.h"
#include "kernel/time/tick_hooks.h"

namespace kernel::time {

// How many tick hooks may be registered at once: the executor's timer queue takes one
// per executor (one per CPU), the rest are for profilers and tests.
inline constexpr std::size_t kMaxTickHooks = 4;

// Programs the PIT to interrupt at (about) `hz`, installs the tick handler and unmasks
// IRQ 0; returns the PIT setting, whose actual_millihertz is the real rate. Ticks arrive
// once interrupts are enabled. Requires Init.
PitSetting StartTimer(std::uint32_t hz);

// Returns the number of timer interrupts since StartTimer; never decreases.
std::uint64_t Ticks();

// Returns the rate StartTimer programmed, in millihertz (0 before StartTimer).
std::uint64_t TimerMillihertz();

// Makes the timer interrupt call `hook.OnTick(ticks)` after counting each tick, after the
// hooks registered before it; `hook` runs in interrupt context (see TickHook for what it
// may do) and must stay alive until RemoveTickHook. Call from task context.
// Errors: kFull if kMaxTickHooks hooks are registered; kAlreadyExists if `hook` is.
[[nodiscard]] libk::Result<void> AddTickHook(TickHook& hook);

// Stops calling `hook`; on return no call of it is running. Call from task context.
// Errors: kNotFound if `hook` is not registered.
[[nodiscard]] libk::Result<void> RemoveTickHook(TickHook& hook);

}  // namespace kernel::time
