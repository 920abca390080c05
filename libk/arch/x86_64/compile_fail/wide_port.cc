// Must not compile: a port wider than 32 bits does not exist on x86.
#include <cstdint>

#include "libk/arch/x86_64/port.h"

using WidePort = libk::x86_64::Port<std::uint64_t, libk::x86_64::ReadWrite>;
