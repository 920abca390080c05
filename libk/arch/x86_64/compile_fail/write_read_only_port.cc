// Must not compile: writing to a port whose type says it is read-only.
#include <cstdint>

#include "libk/arch/x86_64/port.h"

void WriteStatus() {
  // SAFETY: not run; the snippet only has to fail to compile.
  const libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadOnly> status(0x64);
  status.Write(0xff);
}
