// SpinLock: the kernel's basic mutual-exclusion lock, a test-and-test-and-set spinlock.
// It guards no data itself: wrap data in libk::Mutex<T>, or mark members
// LIBK_GUARDED_BY(lock) and take the lock with ScopedLock, so -Wthread-safety checks every
// access. It does not disable interrupts: data a handler touches needs an IrqSpinLock.
#pragma once

#include "libk/base/source_location.h"
#include "libk/panic/panic.h"
#include "libk/sync/atomic_ops.h"
#include "libk/sync/cpu_relax.h"
#include "libk/sync/held_locks.h"
#include "libk/sync/thread_annotations.h"

namespace libk {

// A test-and-test-and-set spinlock. Invariant: `locked_` is true exactly while some
// thread holds the lock. Not recursive: locking it twice on one CPU spins forever. Each
// acquisition and release is recorded in held_locks (with the caller's source location),
// so a coroutine that would suspend with a spinlock held panics naming where it was taken.
class LIBK_CAPABILITY("mutex") SpinLock {
 public:
  constexpr SpinLock() = default;

  SpinLock(const SpinLock&) = delete;
  SpinLock& operator=(const SpinLock&) = delete;
  ~SpinLock() = default;

  // Acquires the lock, spinning until it is free; `where` is recorded as the place it was
  // taken.
  void Lock(SourceLocation where = SourceLocation::Current()) LIBK_ACQUIRE() {
    using atomic_ops::Order;
    // The atomic exchange needs the cache line exclusively, so try it only when a plain
    // load has seen the lock free; waiters spin on their shared copy of the line.
    while (atomic_ops::Exchange<Order::kAcquire>(&locked_, true)) {
      while (atomic_ops::Load<Order::kRelaxed>(&locked_)) {
        CpuRelax();
      }
    }
    held_locks::NoteAcquired(where);
  }

  // Acquires the lock if it is free and returns true; otherwise returns false at once.
  [[nodiscard]] bool TryLock(SourceLocation where = SourceLocation::Current())
      LIBK_TRY_ACQUIRE(true) {
    using atomic_ops::Order;
    const bool acquired = !atomic_ops::Load<Order::kRelaxed>(&locked_) &&
                          !atomic_ops::Exchange<Order::kAcquire>(&locked_, true);
    if (acquired) held_locks::NoteAcquired(where);
    return acquired;
  }

  // Releases the lock, which the caller holds. Panics if the lock is not held at all
  // (a cheap check; it cannot tell whether the caller is the holder).
  void Unlock() LIBK_RELEASE() {
    using atomic_ops::Order;
    LIBK_ASSERT(atomic_ops::Load<Order::kRelaxed>(&locked_), "SpinLock::Unlock: not locked");
    atomic_ops::Store<Order::kRelease>(&locked_, false);
    held_locks::NoteReleased();
  }

  // Panics unless the lock is held; afterwards the thread-safety analysis assumes the
  // caller holds it.
  void AssertHeld() const LIBK_ASSERT_CAPABILITY(this) {
    LIBK_ASSERT(IsLocked(), "SpinLock::AssertHeld: not locked");
  }

  // Releases the lock whoever holds it. For the panic path only, where the holder was
  // interrupted on this CPU (or its frames abandoned) and will never release it.
  // Safety: no other thread may be running inside the critical section, or two will be.
  void ForceUnlockForPanic() LIBK_NO_THREAD_SAFETY_ANALYSIS {
    atomic_ops::Store<atomic_ops::Order::kRelease>(&locked_, false);
  }

  // Returns whether some thread holds the lock: only a hint, it may change at once.
  [[nodiscard]] bool IsLocked() const {
    return atomic_ops::Load<atomic_ops::Order::kRelaxed>(&locked_);
  }

 private:
  bool locked_ = false;
};

}  // namespace libk
