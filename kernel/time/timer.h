// The system timer: PIT channel 0 on IRQ 0 at a configurable rate, counting ticks in a
// monotonic atomic counter. A tick hook lets a test (or a scheduler, later) run code on
// every tick.
#pragma once

#include <cstdint>

#include "kernel/time/pit_divisor.h"

namespace kernel::time {

// Runs on every tick, in the timer interrupt, with the new tick count.
using TickHook = void (*)(std::uint64_t ticks);

// Programs the PIT to interrupt at (about) `hz`, installs the tick handler and unmasks
// IRQ 0; returns the PIT setting, whose actual_millihertz is the real rate. Ticks arrive
// once interrupts are enabled. Requires Init.
PitSetting StartTimer(std::uint32_t hz);

// Returns the number of timer interrupts since StartTimer; never decreases.
std::uint64_t Ticks();

// Returns the rate StartTimer programmed, in millihertz (0 before StartTimer).
std::uint64_t TimerMillihertz();

// Makes the timer interrupt call `hook` after counting each tick (nullptr: no hook).
void SetTickHook(TickHook hook);

}  // namespace kernel::time
