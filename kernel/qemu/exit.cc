#include "kernel/qemu/exit.h"

#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/port.h"

namespace kernel::qemu {

void Exit(ExitCode code) {
  // SAFETY: port 0xf4 is QEMU's isa-debug-exit device, configured by every keel test
  // and by `bazel run //:qemu`; on a machine without it the write is ignored.
  const libk::x86_64::Port<std::uint32_t, libk::x86_64::WriteOnly> debug_exit(0xf4);
  debug_exit.Write(static_cast<std::uint32_t>(code));
  libk::x86_64::HaltForever();
}

}  // namespace kernel::qemu
