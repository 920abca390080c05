// Must not compile: reading from a port whose type says it is write-only.
#include <cstdint>

#include "libk/arch/x86_64/port.h"

std::uint8_t ReadCommand() {
  // SAFETY: not run; the snippet only has to fail to compile.
  const libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> command(0x64);
  return command.Read();
}
