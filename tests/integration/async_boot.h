// What every async test kernel does first: console, the kernel's own address space and
// heap (as the main kernel has them), interrupts, the timer
// at 100 Hz (so a tick is 10 ms), and interrupts on.
#pragma once

#include <cstdint>

#include "libk/multiboot2/info.h"

namespace async_boot {

inline constexpr std::uint32_t kTimerHz = 100;

// Brings the machine up as described above; call first in kernel::Main with its boot
// information. Returns that information as seen through the direct map (`boot_info` views
// the boot map, which is gone).
const libk::multiboot2::Info& Boot(const libk::multiboot2::Info& boot_info);

// Ends the run: QEMU exits with success if `ok`, else failure.
[[noreturn]] void Finish(bool ok);

}  // namespace async_boot
