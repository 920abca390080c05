// Ending a run under QEMU through its isa-debug-exit device (I/O port 0xf4), as the
// integration tests do. QEMU exits with status (value << 1) | 1: 33 for kSuccess,
// 35 for kFailure.
#pragma once

#include <cstdint>

namespace kernel::qemu {

enum class ExitCode : std::uint32_t {
  kSuccess = 0x10,
  kFailure = 0x11,
};

// Asks QEMU to exit with `code`; halts for good if no isa-debug-exit device is present.
[[noreturn]] void Exit(ExitCode code);

}  // namespace kernel::qemu
