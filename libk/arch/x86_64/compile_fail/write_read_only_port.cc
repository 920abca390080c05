// Must not compile: writing to a port whose type says it is read-only.
#include <cstdint>

#include "libk/arch/x86_64/port.h"
#include "libk/arch/x86_64/raw/claim.h"

namespace x86 = libk::x86_64;

void WriteStatus() {
  // SAFETY: not run; the snippet only has to fail to compile.
  const auto status = x86::raw::ClaimPorts(0x64, 1).At<std::uint8_t, x86::ReadOnly>(0);
  status.Write(0xff);
}
