// IrqSpinLock: a SpinLock that also disables interrupts while held, for data shared with
// interrupt handlers. Without it a handler that interrupts the holder and takes the same
// lock spins forever on its own CPU. On release it restores the interrupt state it found.
#pragma once

#include "libk/base/source_location.h"
#include "libk/sync/interrupts.h"
#include "libk/sync/spin_lock.h"
#include "libk/sync/thread_annotations.h"

namespace libk {

// A spinlock held with interrupts disabled. Lock() records whether interrupts were
// enabled, disables them, then spins; Unlock() releases and restores that state. Locks
// (and InterruptGuards) nested inside one another must be released in reverse order,
// which ScopedLock and Mutex guards ensure. Invariant: while held, interrupts are
// disabled on the holder's CPU and `were_enabled_` is the state before Lock().
class LIBK_CAPABILITY("mutex") IrqSpinLock {
 public:
  constexpr IrqSpinLock() = default;

  IrqSpinLock(const IrqSpinLock&) = delete;
  IrqSpinLock& operator=(const IrqSpinLock&) = delete;
  ~IrqSpinLock() = default;

  // Disables interrupts, then acquires the lock, spinning until it is free; `where` is
  // recorded as the place it was taken (see SpinLock).
  void Lock(SourceLocation where = SourceLocation::Current()) LIBK_ACQUIRE() {
    const bool were_enabled = interrupts::AreEnabled();
    interrupts::Disable();
    lock_.Lock(where);
    were_enabled_ = were_enabled;
  }

  // Acquires the lock with interrupts disabled and returns true if it is free; otherwise
  // returns false with the interrupt state unchanged.
  [[nodiscard]] bool TryLock(SourceLocation where = SourceLocation::Current())
      LIBK_TRY_ACQUIRE(true) {
    const bool were_enabled = interrupts::AreEnabled();
    interrupts::Disable();
    if (lock_.TryLock(where)) {
      were_enabled_ = were_enabled;
      return true;
    }
    Restore(were_enabled);
    return false;
  }

  // Releases the lock, which the caller holds, and restores the interrupt state that
  // Lock() found.
  void Unlock() LIBK_RELEASE() {
    lock_.AssertHeld();
    const bool were_enabled = were_enabled_;
    lock_.Unlock();
    Restore(were_enabled);
  }

  // Releases the lock whoever holds it, leaving interrupts as they are (see SpinLock).
  // Safety: as for SpinLock::ForceUnlockForPanic.
  void ForceUnlockForPanic() LIBK_NO_THREAD_SAFETY_ANALYSIS { lock_.ForceUnlockForPanic(); }

  // Returns whether some CPU holds the lock: only a hint, it may change at once.
  [[nodiscard]] bool IsLocked() const { return lock_.IsLocked(); }

 private:
  static void Restore(bool were_enabled) {
    if (were_enabled) {
      // SAFETY: interrupts were enabled when Lock()/TryLock() began, so Enable's
      // obligations held then; restoring the state we found adds no new obligation.
      interrupts::Enable();
    }
  }

  SpinLock lock_;
  // Written by the holder right after acquiring, read by it right before releasing.
  bool were_enabled_ LIBK_GUARDED_BY(lock_) = false;
};

}  // namespace libk
