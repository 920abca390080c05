// Mutex<T>: data that can only be reached with its lock held. The data lives inside the
// Mutex and is private; the only ways in are a [[nodiscard]] guard (Lock, TryLock), which
// releases the lock when it goes out of scope, and With(fn), which calls fn under the lock.
// IrqMutex<T> does the same with interrupts disabled, for data shared with handlers.
#pragma once

#include <utility>

#include "libk/base/source_location.h"
#include "libk/panic/panic.h"
#include "libk/sync/irq_spin_lock.h"
#include "libk/sync/scoped_lock.h"
#include "libk/sync/spin_lock.h"
#include "libk/sync/thread_annotations.h"

namespace libk {

// Owns a `T` and a lock `L`; the T is accessible only while the lock is held. Guards are
// neither copyable nor movable (C++17 guaranteed copy elision still lets Lock() return
// them), so a lock is released exactly once, by the scope that took it. A guard must not
// outlive its Mutex, and a thread must not lock a Mutex it holds (spinlocks do not
// recurse). Internally `data_` is LIBK_GUARDED_BY(lock_), so the thread-safety analysis
// checks every member function that touches it.
template <typename T, Lockable L = SpinLock>
class Mutex {
 public:
  // Gives access to the data of a locked Mutex and unlocks it when destroyed. The
  // thread-safety analysis tracks locks held by scopes, not by an object returned from a
  // function, so the guards' members opt out of it; what holds instead is that the lock is
  // held from a guard's constructor to its destructor, and a guard cannot be copied.
  class [[nodiscard]] Guard {
   public:
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

    // Releases the lock.
    ~Guard() LIBK_NO_THREAD_SAFETY_ANALYSIS { mutex_.lock_.Unlock(); }

    // Returns the data; the reference must not be kept past the guard's life.
    T& operator*() const LIBK_NO_THREAD_SAFETY_ANALYSIS { return mutex_.data_; }
    T* operator->() const LIBK_NO_THREAD_SAFETY_ANALYSIS {
      return __builtin_addressof(mutex_.data_);
    }

   private:
    friend class Mutex;
    Guard(Mutex& mutex, SourceLocation where) LIBK_NO_THREAD_SAFETY_ANALYSIS : mutex_(mutex) {
      mutex_.lock_.Lock(where);
    }

    Mutex& mutex_;
  };

  // Like Guard, but it may be empty (the lock was busy): test it before use, as in
  // `if (auto guard = mutex.TryLock()) { ... }`. Dereferencing an empty one panics.
  class [[nodiscard]] MaybeGuard {
   public:
    MaybeGuard(const MaybeGuard&) = delete;
    MaybeGuard& operator=(const MaybeGuard&) = delete;

    // Releases the lock if this guard holds it.
    ~MaybeGuard() LIBK_NO_THREAD_SAFETY_ANALYSIS {
      if (mutex_ != nullptr) {
        mutex_->lock_.Unlock();
      }
    }

    // Returns whether the lock was acquired.
    explicit operator bool() const { return mutex_ != nullptr; }

    // Returns the data; panics if the lock was not acquired.
    T& operator*() const LIBK_NO_THREAD_SAFETY_ANALYSIS {
      LIBK_ASSERT(mutex_ != nullptr, "Mutex::MaybeGuard: lock not acquired");
      return mutex_->data_;
    }
    T* operator->() const { return __builtin_addressof(**this); }

   private:
    friend class Mutex;
    MaybeGuard(Mutex& mutex, SourceLocation where) LIBK_NO_THREAD_SAFETY_ANALYSIS
        : mutex_(mutex.lock_.TryLock(where) ? &mutex : nullptr) {}

    Mutex* mutex_;  // Null when the lock was busy.
  };

  // Constructs the data from `args`. constexpr, so a global Mutex needs no constructor
  // at run time (`constinit libk::Mutex<Table> table;`).
  template <typename... Args>
  constexpr explicit Mutex(Args&&... args) : data_(std::forward<Args>(args)...) {}

  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;
  ~Mutex() = default;

  // Acquires the lock, spinning until it is free, and returns the guard that holds it.
  // The caller's location is recorded as where the lock was taken (see held_locks.h).
  [[nodiscard]] Guard Lock(SourceLocation where = SourceLocation::Current()) {
    return Guard(*this, where);
  }

  // Acquires the lock if it is free; returns a guard that is empty if it was not.
  [[nodiscard]] MaybeGuard TryLock(SourceLocation where = SourceLocation::Current()) {
    return MaybeGuard(*this, where);
  }

  // Calls `f(T&)` with the lock held and returns its result by value, so that a reference
  // to the data cannot escape the lock by accident.
  template <typename F>
  auto With(F&& f, SourceLocation where = SourceLocation::Current()) {
    const ScopedLock hold(lock_, where);
    return std::forward<F>(f)(data_);
  }

  // Releases the lock whoever holds it: for a panic handler that must print through data
  // whose holder will never run again.
  // Safety: as for SpinLock::ForceUnlockForPanic: no other CPU may be inside.
  void ForceUnlockForPanic() { lock_.ForceUnlockForPanic(); }

 private:
  L lock_;
  T data_ LIBK_GUARDED_BY(lock_);
};

// A Mutex whose lock disables interrupts while held: for data shared with handlers.
template <typename T>
using IrqMutex = Mutex<T, IrqSpinLock>;

}  // namespace libk
