// The protocol between tasks and the things they await. Every co_await in a task goes
// through its promise's await_transform, which (1) panics if a spinlock is held — a task
// that suspended holding one would leave it locked while other tasks run, (2) accepts only
// keel awaiters, which suspend only after arranging a wake and never resume a coroutine
// themselves, and (3) ends the wait when the await completes, so wakers made for it go
// stale. A keel awaiter derives from Awaiter and has await_ready(),
// await_suspend(TaskContext) and await_resume().
#pragma once

#include <concepts>
#include <coroutine>
#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

#include "libk/async/executor.h"
#include "libk/async/internal/slot.h"
#include "libk/async/waker.h"
#include "libk/base/source_location.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/sync/held_locks.h"

namespace libk::async {

// The base of every keel awaiter (see the top of this file).
struct Awaiter {};

namespace internal {
class PromiseBase;

// Returns what `co_await awaitable` waits on: the result of its operator co_await, or the
// awaitable itself.
template <typename A>
decltype(auto) GetAwaiter(A&& awaitable) {
  if constexpr (requires { std::forward<A>(awaitable).operator co_await(); }) {
    return std::forward<A>(awaitable).operator co_await();
  } else {
    return std::forward<A>(awaitable);
  }
}
}  // namespace internal

// Something a task may co_await: a keel awaiter, or a type whose operator co_await gives one.
template <typename A>
concept KeelAwaitable =
    std::derived_from<std::remove_cvref_t<decltype(internal::GetAwaiter(std::declval<A>()))>,
                      Awaiter>;

// What an awaiter is told when its task suspends: the suspended frame, and through it the
// executor and a waker for this wait.
class TaskContext {
 public:
  TaskContext(std::coroutine_handle<> handle, internal::PromiseBase& promise)
      : handle_(handle), promise_(&promise) {}

  // Returns the frame that is suspending (the innermost frame of the task).
  std::coroutine_handle<> handle() const { return handle_; }
  internal::PromiseBase& promise() const { return *promise_; }
  inline Executor& executor() const;
  // Returns a waker for this wait: it goes stale once the await completes.
  inline Waker waker() const;

 private:
  std::coroutine_handle<> handle_;
  internal::PromiseBase* promise_;
};

namespace internal {

// Adapts a keel awaiter to the standard protocol (see the top of this file). `A` is the
// awaiter's type, or a reference to an awaiter that outlives the co_await expression.
template <typename A>
struct CheckedAwait {
  // A reference when the co_await's operand is an awaiter object, which lives until the
  // end of the co_await expression, as this does.
  A awaiter;  // NOLINT(cppcoreguidelines-avoid-const-or-ref-data-members)
  PromiseBase* promise;

  bool await_ready() { return awaiter.await_ready(); }
  decltype(auto) await_suspend(std::coroutine_handle<> handle) {
    return awaiter.await_suspend(TaskContext(handle, *promise));
  }
  inline decltype(auto) await_resume();
};

// What every task's promise has: where the task runs, the frame to return to, frame
// allocation that reports failure instead of throwing, and await_transform.
class PromiseBase {
 public:
  // Declared, so that no promise is an aggregate: C++20 would initialise an aggregate
  // promise from the coroutine's arguments (see libk/std/checks/runtime_checks.cc).
  PromiseBase() noexcept = default;
  PromiseBase(const PromiseBase&) = delete;
  PromiseBase& operator=(const PromiseBase&) = delete;
  ~PromiseBase() = default;

  // Allocates a frame, or returns null: the coroutine then returns
  // get_return_object_on_allocation_failure(), an empty Task, instead of throwing. Passes
  // a fresh nothrow_t: libc++ declares the object std::nothrow but defines it in its
  // runtime library, which kernels do not link (kernel_symbols_test).
  static void* operator new(std::size_t size) noexcept {
    return ::operator new(size, std::nothrow_t{});
  }
  static void operator delete(void* frame, std::size_t size) noexcept {
    ::operator delete(frame, size);
  }

  // Tasks start lazily: nothing runs until the executor (or an awaiting task) resumes them.
  // The compiler calls the promise's and awaiters' protocol functions through the object;
  // a static one would be reported at every coroutine and co_await instead.
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static): coroutine protocol.
  std::suspend_always initial_suspend() noexcept { return {}; }
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static): coroutine protocol.
  [[noreturn]] void unhandled_exception() noexcept { Panic("an exception escaped a task"); }

  // Checks and adapts every co_await of the task; `where` is the co_await's location.
  template <KeelAwaitable A>
  auto await_transform(A&& awaitable, SourceLocation where = SourceLocation::Current()) {
    held_locks::AssertNoneHeld("co_await", where);
    using Awaited = decltype(GetAwaiter(std::forward<A>(awaitable)));
    return CheckedAwait<Awaited>{GetAwaiter(std::forward<A>(awaitable)), this};
  }

  // Places this frame in `slot` of `executor`, returning to `continuation` when it ends
  // (null for a task's outermost frame).
  void Attach(Executor& executor, Slot& slot, std::coroutine_handle<> continuation) {
    executor_ = &executor;
    slot_ = &slot;
    continuation_ = continuation;
  }

  // Attach set these before the frame first ran. The static analyzer does not see the
  // promise's construction inside the coroutine frame and reports them as uninitialised.
  // NOLINTBEGIN(clang-analyzer-core.uninitialized.UndefReturn,clang-analyzer-core.CallAndMessage,clang-analyzer-core.NullDereference)
  Executor& executor() const { return *executor_; }
  Slot& slot() const { return *slot_; }
  std::coroutine_handle<> continuation() const { return continuation_; }

  // Asks the executor to end the task (all its frames) with `reason` once it suspends.
  void RequestStop(Error reason) const {
    slot_->stop_requested = true;
    slot_->end_error = reason;
  }

  // Ends the current wait: wakers made for it go stale.
  void EndWait() const { slot_->BumpStamp(); }
  // NOLINTEND(clang-analyzer-core.uninitialized.UndefReturn,clang-analyzer-core.CallAndMessage,clang-analyzer-core.NullDereference)

 private:
  Executor* executor_ = nullptr;
  Slot* slot_ = nullptr;
  std::coroutine_handle<> continuation_;
};

template <typename A>
decltype(auto) CheckedAwait<A>::await_resume() {
  promise->EndWait();
  return awaiter.await_resume();
}

}  // namespace internal

Executor& TaskContext::executor() const { return promise_->executor(); }
Waker TaskContext::waker() const { return Waker(promise_->executor(), promise_->slot().token()); }

}  // namespace libk::async
