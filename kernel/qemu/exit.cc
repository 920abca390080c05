#include "kernel/qemu/exit.h"

#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/port.h"
#include "libk/arch/x86_64/raw/claim.h"

namespace kernel::qemu {

void Exit(ExitCode code) {
  // SAFETY: ports 0xf4-0xf7 are QEMU's isa-debug-exit device, configured by every keel
  // test and by `bazel run //:qemu`, and claimed nowhere else; on a machine without it the
  // write is ignored.
  const auto debug_exit =
      libk::x86_64::raw::ClaimPorts(0xf4, 4).At<std::uint32_t, libk::x86_64::WriteOnly>(0);
  debug_exit.Write(static_cast<std::uint32_t>(code));
  libk::x86_64::HaltForever();
}

}  // namespace kernel::qemu
