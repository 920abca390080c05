#include "kernel/qemu/exit.h"

#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/port.h"
#include "libk/arch/x86_64/raw/claim.h"

namespace kernel::qemu {

void Exit(ExitCode code) {
  // On a machine without the device the write is ignored.
  // SAFETY: ports 0xf4-0xf7 are QEMU's isa-debug-exit device (configured by every keel
  // test and by `bazel run //:qemu`) and are claimed nowhere else.
  const auto device = libk::x86_64::raw::ClaimPorts(0xf4, 4);
  const auto debug_exit = device.At<std::uint32_t, libk::x86_64::WriteOnly>(0);
  debug_exit.Write(static_cast<std::uint32_t>(code));
  libk::x86_64::HaltForever();
}

}  // namespace kernel::qemu
