// The body of every spin-wait loop: tells the CPU that this thread is waiting for another
// one, which saves power and frees the sibling hyperthread, and avoids the memory-order
// mis-speculation penalty when the awaited write arrives.
#pragma once

#if defined(__KEEL_KERNEL__)
#include "libk/arch/x86_64/raw/io.h"
#else
#include <thread>
#endif

namespace libk {

// Hints to the CPU that the caller is spinning (x86 `pause`; on the host, a yield).
[[gnu::always_inline]] inline void CpuRelax() {
#if defined(__KEEL_KERNEL__)
  x86_64::raw::Pause();
#else
  // Host tests run more threads than cores; yielding lets the lock holder run.
  std::this_thread::yield();
#endif
}

}  // namespace libk
