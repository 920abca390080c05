// The body of every spin-wait loop: tells the CPU that this thread is waiting for another
// one, which saves power and frees the sibling hyperthread, and avoids the memory-order
// mis-speculation penalty when the awaited write arrives.
#pragma once

#if defined(__KEEL_KERNEL__)
#include "libk/arch/x86_64/raw/io.h"
#endif

namespace libk {

// Hints to the CPU that the caller is spinning (x86 `pause`).
[[gnu::always_inline]] inline void CpuRelax() {
#if defined(__KEEL_KERNEL__)
  x86_64::raw::Pause();
#elif defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

}  // namespace libk
