// The kernel backend of libk/sync/interrupts.h: the CPU's interrupt flag (RFLAGS.IF), read
// with pushfq and changed with cli/sti. Include libk/sync/interrupts.h instead.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/raw/io.h"

namespace libk::interrupts {

namespace internal {
// RFLAGS.IF: set while the CPU accepts maskable interrupts.
inline constexpr std::uint64_t kRflagsInterruptFlag = std::uint64_t{1} << 9;
}  // namespace internal

inline bool AreEnabled() {
  return (x86_64::raw::ReadRflags() & internal::kRflagsInterruptFlag) != 0;
}

inline void Disable() {
  // SAFETY: Cli's obligation is about progress, not memory safety: code waiting for an
  // interrupt stalls until they are enabled again, which is what Disable's caller asks for.
  x86_64::raw::Cli();
}

inline void Enable() {
  // SAFETY: Sti's obligations are exactly Enable's, which its caller upholds.
  x86_64::raw::Sti();
}

}  // namespace libk::interrupts
