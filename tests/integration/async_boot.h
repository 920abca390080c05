// What every async test kernel does first: console, interrupts, the static heap, the timer
// at 100 Hz (so a tick is 10 ms), and interrupts on.
#pragma once

#include <cstdint>

namespace async_boot {

inline constexpr std::uint32_t kTimerHz = 100;

// Brings the machine up as described above; call first in kernel::Main.
void Boot();

// Ends the run: QEMU exits with success if `ok`, else failure.
[[noreturn]] void Finish(bool ok);

}  // namespace async_boot
