// Task<T>: a lazily started coroutine that produces a T. A Task owns its frame until it is
// handed to an executor (Executor::Spawn, SpawnJoinable) or awaited by another task
// (`T value = co_await SubTask();`, which runs the sub-task in the awaiting task's slot
// and returns to it, with no trip through the ready queue). A frame that cannot be
// allocated makes an empty Task: Spawn reports kOutOfMemory, and awaiting one stops the
// awaiting task, whose JoinHandle then reports kOutOfMemory. Never a crash.
#pragma once

#include <coroutine>
#include <type_traits>
#include <utility>

#include "libk/async/awaiter.h"
#include "libk/async/executor.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk::async {

namespace internal {

// Returns from a finished frame: to the awaiting frame for a sub-task (symmetric
// transfer, so deep chains of sub-tasks do not grow the stack), to the executor for a
// task's outermost frame, which stays suspended at its end until the executor destroys it.
struct FinalAwaiter {
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static): coroutine protocol.
  bool await_ready() const noexcept { return false; }
  template <typename P>
  std::coroutine_handle<> await_suspend(std::coroutine_handle<P> finished) noexcept {
    const std::coroutine_handle<> continuation = finished.promise().continuation();
    if (!continuation) return std::noop_coroutine();
    finished.promise().slot().leaf = continuation;
    return continuation;
  }
  void await_resume() noexcept {}
};

// The promise of Task<T>: PromiseBase plus the result.
template <typename T>
class Promise : public PromiseBase {
 public:
  Promise() noexcept = default;

  Task<T> get_return_object() noexcept;
  // Not a coroutine, but returns one's type (see [[clang::coro_return_type]] on Task).
  [[clang::coro_wrapper]] static Task<T> get_return_object_on_allocation_failure() noexcept;
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static): coroutine protocol.
  FinalAwaiter final_suspend() noexcept { return {}; }

  template <typename U>
    requires std::is_constructible_v<T, U>
  void return_value(U&& value) {
    result_.Emplace(std::forward<U>(value));
  }

  // Moves the result out; the coroutine must have returned.
  T TakeResult() { return std::move(result_).value(); }

 private:
  Optional<T> result_;
};

template <>
class Promise<void> : public PromiseBase {
 public:
  Promise() noexcept = default;

  Task<void> get_return_object() noexcept;
  [[clang::coro_wrapper]] static Task<void> get_return_object_on_allocation_failure() noexcept;
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static): coroutine protocol.
  FinalAwaiter final_suspend() noexcept { return {}; }
  void return_void() {}
  void TakeResult() {}
};

template <typename T>
class SubtaskAwaiter;

// Not aggregates: C++20 would initialise an aggregate promise from the coroutine's
// arguments (see PromiseBase's constructor).
static_assert(!std::is_aggregate_v<Promise<int>> && !std::is_aggregate_v<Promise<void>>);

}  // namespace internal

// See the top of this file. Move-only; destroying a Task that still owns its frame
// destroys the frame. [[clang::coro_lifetimebound]] makes clang warn (-Wdangling) when a
// Task outlives a temporary bound to one of its coroutine's reference parameters; keel's
// clang-tidy rejects reference parameters of coroutines altogether.
template <typename T = void>
class [[nodiscard, clang::coro_return_type, clang::coro_lifetimebound]] Task {
  static_assert(!std::is_reference_v<T>, "Task<T&> is not supported; return a pointer");

 public:
  using promise_type = internal::Promise<T>;
  using Handle = std::coroutine_handle<promise_type>;

  Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  Task& operator=(Task&& other) noexcept {
    if (this != &other) {
      Reset();
      handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
  }
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;
  ~Task() { Reset(); }

  // Returns whether the Task owns a frame: false if its allocation failed (or the frame
  // was handed over).
  bool valid() const { return static_cast<bool>(handle_); }

  // Runs the task inside the awaiting one and returns its result.
  internal::SubtaskAwaiter<T> operator co_await() && {
    return internal::SubtaskAwaiter<T>(std::exchange(handle_, nullptr));
  }

 private:
  friend class Executor;
  friend struct internal::ExecutorAccess;
  friend class internal::Promise<T>;

  explicit Task(Handle handle) : handle_(handle) {}

  // Gives up the frame (null if there is none) to a new owner.
  Handle Release() { return std::exchange(handle_, nullptr); }

  void Reset() {
    if (handle_) std::exchange(handle_, nullptr).destroy();
  }

  Handle handle_;
};

namespace internal {

template <typename T>
Task<T> Promise<T>::get_return_object() noexcept {
  return Task<T>(Task<T>::Handle::from_promise(*this));
}
template <typename T>
[[clang::coro_wrapper]] Task<T> Promise<T>::get_return_object_on_allocation_failure() noexcept {
  return Task<T>(nullptr);
}
inline Task<void> Promise<void>::get_return_object() noexcept {
  return Task<void>(Task<void>::Handle::from_promise(*this));
}
[[clang::coro_wrapper]] inline Task<void>
Promise<void>::get_return_object_on_allocation_failure() noexcept {
  return Task<void>(nullptr);
}

// Starts a sub-task in the awaiting task's slot and returns its result. Owns the
// sub-task's frame, so cancelling the awaiting task destroys the sub-task's frames too.
template <typename T>
class SubtaskAwaiter : public Awaiter {
 public:
  explicit SubtaskAwaiter(typename Task<T>::Handle child) : child_(child) {}
  SubtaskAwaiter(const SubtaskAwaiter&) = delete;
  SubtaskAwaiter& operator=(const SubtaskAwaiter&) = delete;
  ~SubtaskAwaiter() {
    if (child_) child_.destroy();
  }

  bool await_ready() const { return false; }

  std::coroutine_handle<> await_suspend(TaskContext context) {
    const PromiseBase& parent = context.promise();
    if (!child_) {
      // The sub-task's frame could not be allocated: stop the whole task.
      parent.RequestStop(Error::kOutOfMemory);
      return std::noop_coroutine();
    }
    child_.promise().Attach(parent.executor(), parent.slot(), context.handle());
    parent.slot().leaf = child_;
    return child_;
  }

  T await_resume() { return child_.promise().TakeResult(); }

 private:
  typename Task<T>::Handle child_;
};

}  // namespace internal

template <typename T>
Result<TaskId> Executor::Spawn(Task<T> task) {
  const typename Task<T>::Handle handle = task.Release();
  if (!handle) return Err(Error::kOutOfMemory);
  return SpawnFrame(handle, handle.promise(), /*with_handle=*/false);
}

}  // namespace libk::async
