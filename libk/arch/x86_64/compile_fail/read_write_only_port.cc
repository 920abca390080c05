// Must not compile: reading from a port whose type says it is write-only.
#include <cstdint>

#include "libk/arch/x86_64/port.h"
#include "libk/arch/x86_64/raw/claim.h"

namespace x86 = libk::x86_64;

std::uint8_t ReadCommand() {
  // SAFETY: not run; the snippet only has to fail to compile.
  const auto command = x86::raw::ClaimPorts(0x64, 1).At<std::uint8_t, x86::WriteOnly>(0);
  return command.Read();
}
