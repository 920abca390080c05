// The host's stand-in for invlpg: it records how many TLB entries were invalidated, so
// host tests can check that flush tokens flush exactly when they should.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"

namespace libk::x86_64::paging::internal {

// Returns how many times InvalidateTlbEntry has run in this process.
std::uint64_t HostTlbInvalidations();

// Returns the address of the most recent InvalidateTlbEntry (0 before the first).
VirtAddr LastHostTlbInvalidation();

}  // namespace libk::x86_64::paging::internal
