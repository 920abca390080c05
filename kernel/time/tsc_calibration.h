// Measuring the time-stamp counter's frequency against the PIT: channel 2 counts down a
// known number of its 1.193182 MHz input periods while the TSC is read, the way PC kernels
// calibrate the TSC without any other clock.
#pragma once

#include <cstdint>

#include "libk/result/result.h"

namespace kernel::time {

// Returns the TSC frequency in Hz, measured over `milliseconds` (1..54, the longest
// countdown the 16-bit counter holds) of PIT channel 2. Busy-waits holding the PIT's
// lock, which keeps interrupts disabled for that long, so no handler skews the count;
// port B's gate and speaker bits are restored afterwards. Returns kInvalidArgument for a
// bad duration and kTimedOut if the PIT never signals the end of the countdown.
libk::Result<std::uint64_t> MeasureTscHz(std::uint32_t milliseconds);

}  // namespace kernel::time
