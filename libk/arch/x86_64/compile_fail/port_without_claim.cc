// Must not compile: naming an I/O port without claiming it (raw::ClaimPorts).
#include <cstdint>

#include "libk/arch/x86_64/port.h"

std::uint8_t ReadStatus() {
  const libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadOnly> status(0x64);
  return status.Read();
}
