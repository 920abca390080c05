// Must not compile: naming a memory-mapped register without claiming it (raw::ClaimMmio).
#include <cstdint>

#include "libk/arch/x86_64/mmio.h"

std::uint32_t ReadApicVersion() {
  const libk::x86_64::Mmio<std::uint32_t> version(0xfee00030);
  return version.Read();
}
