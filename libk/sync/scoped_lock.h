// ScopedLock: holds a lock for the rest of the enclosing scope, so the thread-safety
// analysis knows it is held there. For code that keeps a lock next to the members it
// guards (LIBK_GUARDED_BY); data that a lock owns outright belongs in libk::Mutex<T>.
#pragma once

#include "libk/base/source_location.h"
#include "libk/sync/thread_annotations.h"

namespace libk {

// A lock: something with Lock(), Unlock() and TryLock() (SpinLock, IrqSpinLock), whose
// Lock and TryLock may be told where they are called from (see held_locks.h).
template <typename L>
concept Lockable = requires(L& lock, SourceLocation where) {
  lock.Lock();
  lock.Lock(where);
  lock.Unlock();
  static_cast<bool>(lock.TryLock());
  static_cast<bool>(lock.TryLock(where));
};

// Acquires `lock` when constructed and releases it when destroyed. Neither copyable nor
// movable: the lock is held by exactly one scope.
template <Lockable L>
class [[nodiscard]] LIBK_SCOPED_CAPABILITY ScopedLock {
 public:
  explicit ScopedLock(L& lock, SourceLocation where = SourceLocation::Current()) LIBK_ACQUIRE(lock)
      : lock_(lock) {
    lock_.Lock(where);
  }

  ScopedLock(const ScopedLock&) = delete;
  ScopedLock& operator=(const ScopedLock&) = delete;

  ~ScopedLock() LIBK_RELEASE() { lock_.Unlock(); }

 private:
  L& lock_;
};

}  // namespace libk
