// Combinators over tasks of one result type, each spawned as its own task on the awaiting
// task's executor, so they run concurrently:
//   WhenAll(a, b, ...)          all results, in argument order, whatever order they end in;
//   WhenAny(a, b, ...)          the first to end, with its position; the others are
//                               cancelled (their frames destroyed) before it returns;
//   WithDeadline(task, instant) and WithTimeout(task, duration): the task's result, or
//                               kTimedOut with the task cancelled.
// Cancelling the awaiting task cancels the children too. Each returns a Result: spawning
// a child can fail (kOutOfMemory), and a child can end without a result (kCancelled).
#pragma once

#include <concepts>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "libk/async/awaiter.h"
#include "libk/async/executor.h"
#include "libk/async/internal/executor_access.h"
#include "libk/async/internal/task_group.h"
#include "libk/async/internal/timer_queue.h"
#include "libk/async/task.h"
#include "libk/async/time.h"
#include "libk/containers/array_vec.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk::async {

// What WhenAny returns: which task ended first, and its result.
template <typename T>
struct AnyResult {
  std::size_t index;
  T value;
};
template <>
struct AnyResult<void> {
  std::size_t index;
};

namespace internal {

// The results of WhenAll: an ArrayVec of N values, or nothing for Task<void>.
template <typename T, std::size_t N>
using AllResults = std::conditional_t<std::is_void_v<T>, void, ArrayVec<T, N>>;

template <typename T, std::size_t N>
class WhenAllAwaiter : public Awaiter {
 public:
  template <typename... Tasks>
  explicit WhenAllAwaiter(Tasks&&... tasks) : group_(std::forward<Tasks>(tasks)...) {}

  bool await_ready() const { return false; }
  bool await_suspend(TaskContext context) {
    const Result<void> started = group_.Start(context, N);
    if (started.is_error()) error_ = started.error();
    return started.is_ok();
  }
  Result<AllResults<T, N>> await_resume() {
    if (error_.has_value()) return Err(*error_);
    if constexpr (std::is_void_v<T>) {
      for (std::size_t i = 0; i < N; ++i) {
        Result<void> result = group_.Take(i);
        if (result.is_error()) return result;
      }
      return Ok();
    } else {
      ArrayVec<T, N> values;
      for (std::size_t i = 0; i < N; ++i) {
        Result<T> result = group_.Take(i);
        if (result.is_error()) return Err(result.error());
        values.Push(std::move(result).value());
      }
      return values;
    }
  }

 private:
  TaskGroup<T, N> group_;
  Optional<Error> error_;
};

template <typename T, std::size_t N>
class WhenAnyAwaiter : public Awaiter {
 public:
  template <typename... Tasks>
  explicit WhenAnyAwaiter(Tasks&&... tasks) : group_(std::forward<Tasks>(tasks)...) {}

  bool await_ready() const { return false; }
  bool await_suspend(TaskContext context) {
    const Result<void> started = group_.Start(context, 1);
    if (started.is_error()) error_ = started.error();
    return started.is_ok();
  }
  Result<AnyResult<T>> await_resume() {
    if (error_.has_value()) return Err(*error_);
    const std::size_t winner = group_.first();
    Result<T> result = group_.Take(winner);
    group_.Abandon();
    if (result.is_error()) return Err(result.error());
    if constexpr (std::is_void_v<T>) {
      return AnyResult<void>{winner};
    } else {
      return AnyResult<T>{winner, std::move(result).value()};
    }
  }

 private:
  TaskGroup<T, N> group_;
  Optional<Error> error_;
};

template <typename T>
class DeadlineAwaiter : public Awaiter {
 public:
  DeadlineAwaiter(Task<T> task, Instant deadline) : group_(std::move(task)), deadline_(deadline) {}
  DeadlineAwaiter(Task<T> task, Duration timeout) : group_(std::move(task)), timeout_(timeout) {}
  DeadlineAwaiter(const DeadlineAwaiter&) = delete;
  DeadlineAwaiter& operator=(const DeadlineAwaiter&) = delete;
  ~DeadlineAwaiter() { Unlink(); }

  bool await_ready() const { return false; }
  bool await_suspend(TaskContext context) {
    Executor& executor = context.executor();
    const Instant now = executor.Now();
    timer_.deadline = deadline_.has_value() ? *deadline_ : now + timeout_;
    if (timer_.deadline <= now) {
      error_ = Error::kTimedOut;
      return false;
    }
    const Result<void> started = group_.Start(context, 1);
    if (started.is_error()) {
      error_ = started.error();
      return false;
    }
    timer_.waker = context.waker().token();
    queue_ = &ExecutorAccess::AddTimer(executor, timer_);
    return true;
  }
  Result<T> await_resume() {
    Unlink();
    if (error_.has_value()) return Err(*error_);
    if (group_.HasEnded(0)) return group_.Take(0);
    group_.Abandon();
    return Err(Error::kTimedOut);
  }

 private:
  void Unlink() {
    if (timer_.linked()) queue_->Remove(timer_);
  }

  TaskGroup<T, 1> group_;
  Optional<Instant> deadline_;
  Duration timeout_;
  TimerNode timer_;
  TimerQueue* queue_ = nullptr;
  Optional<Error> error_;
};

}  // namespace internal

// Runs every task concurrently and returns all their results in argument order:
// `Result<ArrayVec<int, 2>> both = co_await WhenAll(A(), B());`. Waits for every task to
// end; if one ended without a result, returns why (the first such task in argument order).
template <typename T, typename... More>
  requires(std::same_as<More, Task<T>> && ...)
[[nodiscard]] internal::WhenAllAwaiter<T, 1 + sizeof...(More)> WhenAll(Task<T> first,
                                                                       More... more) {
  return internal::WhenAllAwaiter<T, 1 + sizeof...(More)>(std::move(first), std::move(more)...);
}

// Runs every task concurrently and returns the first to end, with its position in the
// arguments; the others are cancelled. If that first task ended without a result (it was
// cancelled), returns why.
template <typename T, typename... More>
  requires(std::same_as<More, Task<T>> && ...)
[[nodiscard]] internal::WhenAnyAwaiter<T, 1 + sizeof...(More)> WhenAny(Task<T> first,
                                                                       More... more) {
  return internal::WhenAnyAwaiter<T, 1 + sizeof...(More)>(std::move(first), std::move(more)...);
}

// Runs `task` and returns its result, or kTimedOut (and cancels it) if the executor's
// clock reaches `deadline` first.
template <typename T>
[[nodiscard]] internal::DeadlineAwaiter<T> WithDeadline(Task<T> task, Instant deadline) {
  return internal::DeadlineAwaiter<T>(std::move(task), deadline);
}

// Like WithDeadline, with the deadline `timeout` after the moment the await begins.
template <typename T>
[[nodiscard]] internal::DeadlineAwaiter<T> WithTimeout(Task<T> task, Duration timeout) {
  return internal::DeadlineAwaiter<T>(std::move(task), timeout);
}

}  // namespace libk::async
