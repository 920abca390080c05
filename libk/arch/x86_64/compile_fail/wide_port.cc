// Must not compile: a port wider than 32 bits does not exist on x86.
#include <cstdint>

#include "libk/arch/x86_64/port.h"

// SAFETY: not run; the snippet only has to fail to compile.
const libk::x86_64::Port<std::uint64_t, libk::x86_64::ReadWrite> kWide(0x64);
