// async::Mutex<T>: data shared by tasks, reachable only through a guard that an awaited
// Lock() returns — `auto guard = co_await mutex.Lock(); guard->count++;`. A task that
// finds it locked suspends instead of spinning, so the guard may be held across co_await
// (unlike a libk::Mutex guard, which must not be). Waiters get the lock in the order they
// asked for it: Unlock hands it straight to the first waiter, and a new Lock() never
// overtakes a waiter. For tasks of one executor: its state is not atomic.
#pragma once

#include <utility>

#include "libk/async/awaiter.h"
#include "libk/async/internal/intrusive_list.h"
#include "libk/async/waker.h"
#include "libk/panic/panic.h"
#include "libk/sync/thread_annotations.h"

namespace libk::async {

namespace internal {

// Whether an async mutex is held, and the tasks waiting for it, first come first served.
// A capability for -Wthread-safety: the Mutex's data is LIBK_GUARDED_BY it.
class LIBK_CAPABILITY("async mutex") AsyncLockState {
 public:
  // A task waiting in Lock(); lives in its frame.
  struct Waiter : ListNode<Waiter> {
    Waker waker;
    bool granted = false;  // Unlock handed the lock to this waiter.
  };

  AsyncLockState() = default;
  AsyncLockState(const AsyncLockState&) = delete;
  AsyncLockState& operator=(const AsyncLockState&) = delete;
  ~AsyncLockState() = default;

  // Takes the lock if it is free and nobody waits for it.
  bool TryAcquire() LIBK_TRY_ACQUIRE(true) {
    if (locked_ || !waiters_.empty()) return false;
    locked_ = true;
    return true;
  }

  // Queues `waiter` for the lock, which is held.
  void Enqueue(Waiter& waiter) { waiters_.PushBack(waiter); }

  // Takes a waiter that gave up (its task was cancelled) out of the queue.
  void Dequeue(Waiter& waiter) { waiters_.Remove(waiter); }

  // Hands the lock to the first waiter, or frees it if there is none.
  void Release() LIBK_RELEASE() {
    LIBK_ASSERT(locked_, "an async mutex was unlocked while not locked");
    if (Waiter* next = waiters_.PopFront()) {
      next->granted = true;
      next->waker.Wake();
      return;  // Still locked, now on behalf of `next`.
    }
    locked_ = false;
  }

  bool locked() const { return locked_; }

 private:
  bool locked_ = false;
  IntrusiveList<Waiter> waiters_;
};

}  // namespace internal

template <typename T>
class Mutex {
 public:
  // Gives access to the data of a locked Mutex and unlocks it (handing it to the next
  // waiter) when destroyed. Neither copyable nor movable: guaranteed copy elision brings
  // it from the awaited Lock() into the task's variable, and the lock is released exactly
  // once, by that scope. The analysis cannot follow a lock held across a suspension, so
  // the guard's members opt out of it (like libk::Mutex's).
  class [[nodiscard]] Guard {
   public:
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;
    ~Guard() LIBK_NO_THREAD_SAFETY_ANALYSIS { mutex_.state_.Release(); }

    // Returns the data; the reference must not be kept past the guard's life.
    T& operator*() const LIBK_NO_THREAD_SAFETY_ANALYSIS { return mutex_.data_; }
    T* operator->() const LIBK_NO_THREAD_SAFETY_ANALYSIS {
      return __builtin_addressof(mutex_.data_);
    }

   private:
    friend class Mutex;
    explicit Guard(Mutex& mutex) : mutex_(mutex) {}
    Mutex& mutex_;
  };

  // Waits for the lock: `auto guard = co_await mutex.Lock();`. Lives in the awaiting
  // task's frame; if the task is cancelled while waiting it leaves the queue, and if it
  // had been handed the lock already it passes the lock on.
  class LockAwaiter : public Awaiter {
   public:
    LockAwaiter(const LockAwaiter&) = delete;
    LockAwaiter& operator=(const LockAwaiter&) = delete;
    ~LockAwaiter() LIBK_NO_THREAD_SAFETY_ANALYSIS {
      if (waiter_.linked()) {
        mutex_.state_.Dequeue(waiter_);
      } else if (waiter_.granted && !guard_made_) {
        mutex_.state_.Release();
      }
    }

    bool await_ready() LIBK_NO_THREAD_SAFETY_ANALYSIS {
      waiter_.granted = mutex_.state_.TryAcquire();
      return waiter_.granted;
    }
    void await_suspend(TaskContext context) {
      waiter_.waker = context.waker();
      mutex_.state_.Enqueue(waiter_);
    }
    Guard await_resume() {
      LIBK_ASSERT(waiter_.granted, "a Lock() awaiter resumed without the lock");
      guard_made_ = true;
      return Guard(mutex_);
    }

   private:
    friend class Mutex;
    explicit LockAwaiter(Mutex& mutex) : mutex_(mutex) {}

    Mutex& mutex_;
    typename internal::AsyncLockState::Waiter waiter_;
    bool guard_made_ = false;
  };

  // Constructs the data from `args`.
  template <typename... Args>
  explicit Mutex(Args&&... args) : data_(std::forward<Args>(args)...) {}
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;
  // The mutex must be unlocked, with nobody waiting, when it is destroyed.
  ~Mutex() { LIBK_ASSERT(!state_.locked(), "an async mutex was destroyed while locked"); }

  // Returns the awaitable that acquires the lock.
  [[nodiscard]] LockAwaiter Lock() { return LockAwaiter(*this); }

  // Returns whether some task holds the lock: a hint for tests and statistics.
  bool IsLocked() const { return state_.locked(); }

 private:
  internal::AsyncLockState state_;
  T data_ LIBK_GUARDED_BY(state_);
};

}  // namespace libk::async
