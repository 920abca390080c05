// Interrupt control for interrupt-safe locking: query, disable and enable interrupts, or
// disable them for a scope (InterruptGuard, WithoutInterrupts). In the kernel this is the
// CPU's interrupt flag; on the host a simulated per-thread flag, so code built on it is
// testable. BUILD selects the backend; its inline definitions are included at the end.
#pragma once

#include <utility>

namespace libk::interrupts {

// Returns whether interrupts are enabled on this CPU (host: on this thread).
inline bool AreEnabled();

// Disables interrupts on this CPU (host: on this thread).
inline void Disable();

// Enables interrupts on this CPU (host: on this thread).
// Safety: interrupt handlers may run from the next instruction on, so the IDT must be
// loaded, and any lock that a handler takes must be held elsewhere only with interrupts
// disabled (an IrqSpinLock), or the handler can spin forever on a lock its own CPU holds.
inline void Enable();

// Disables interrupts for its lifetime, then restores the state it found: a guard made
// with interrupts disabled (nested in another guard or an IrqSpinLock) leaves them
// disabled. Guards must end in the reverse order of their creation, which scopes ensure;
// so the type can be neither copied nor moved.
class [[nodiscard]] InterruptGuard {
 public:
  // Records whether interrupts are enabled, then disables them.
  InterruptGuard() : were_enabled_(AreEnabled()) { Disable(); }

  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // Re-enables interrupts if they were enabled when the guard was made.
  ~InterruptGuard() {
    if (were_enabled_) {
      // SAFETY: interrupts were enabled when this guard was made, so Enable's obligations
      // held then; restoring the state we found adds no new obligation.
      Enable();
    }
  }

  // Returns whether interrupts were enabled when the guard was made.
  bool were_enabled() const { return were_enabled_; }

 private:
  bool were_enabled_;
};

// Calls `f()` with interrupts disabled, restores the previous state and returns f's result.
template <typename F>
decltype(auto) WithoutInterrupts(F&& f) {
  const InterruptGuard guard;
  return std::forward<F>(f)();
}

}  // namespace libk::interrupts

// The definitions of AreEnabled, Disable and Enable for this platform.
#if defined(__KEEL_KERNEL__)
#include "libk/sync/internal/interrupts_cpu.h"
#else
#include "libk/sync/internal/interrupts_simulated.h"
#endif
