// The correct uses next to the compile-fail snippets: these must compile.
#include <cstdint>

#include "libk/arch/x86_64/port.h"

std::uint8_t UsePorts() {
  // SAFETY: not run; this only has to compile.
  const libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadOnly> status(0x64);
  // SAFETY: as above.
  const libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> command(0x64);
  command.Write(0xff);
  return status.Read();
}
