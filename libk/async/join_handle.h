// JoinHandle<T>: the result of Executor::SpawnJoinable. Awaiting it (`co_await
// std::move(handle)`) gives the task's result, or why it ended without one. Dropping a
// handle before the task ends detaches the task: it runs on, and the executor destroys its
// frame and result when it ends. Cancel() is the way to stop it.
#pragma once

#include <cstdint>
#include <utility>

#include "libk/async/awaiter.h"
#include "libk/async/executor.h"
#include "libk/async/internal/executor_access.h"
#include "libk/async/internal/slot.h"
#include "libk/async/task.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/result.h"

namespace libk::async {

namespace internal {
template <typename T>
class JoinAwaiter;
}  // namespace internal

// Refers to a spawned task; move-only. While a handle refers to a task, the task's slot —
// and, after it returns, its frame with the result — stays until the handle takes the
// result or is dropped. A handle must not outlive its executor.
template <typename T>
class [[nodiscard]] JoinHandle {
 public:
  JoinHandle(JoinHandle&& other) noexcept
      : executor_(std::exchange(other.executor_, nullptr)), id_(other.id_) {}
  JoinHandle& operator=(JoinHandle&& other) noexcept {
    if (this != &other) {
      Detach();
      executor_ = std::exchange(other.executor_, nullptr);
      id_ = other.id_;
    }
    return *this;
  }
  JoinHandle(const JoinHandle&) = delete;
  JoinHandle& operator=(const JoinHandle&) = delete;
  ~JoinHandle() { Detach(); }

  // Returns whether the handle refers to a task (it does until the result is taken, the
  // handle detached or moved from).
  bool valid() const { return executor_ != nullptr; }
  TaskId id() const { return id_; }

  // Returns whether the task has ended (returned, been cancelled or aborted).
  bool is_finished() const {
    return valid() && internal::ExecutorAccess::HasEnded(*executor_, id_);
  }

  // Cancels the task (see Executor::Cancel); awaiting the handle then gives kCancelled,
  // unless the task had already returned.
  Result<void> Cancel() {
    if (!valid()) return Err(Error::kNotFound);
    return executor_->Cancel(id_);
  }

  // Lets the task run on without anyone waiting for its result.
  void Detach() {
    if (valid()) internal::ExecutorAccess::ReleaseHandle(*std::exchange(executor_, nullptr), id_);
  }

  // Takes the result if the task has ended; the handle is then empty. For code outside
  // tasks (tests, after RunUntilIdle); a task awaits the handle instead.
  // Errors: kCancelled or kOutOfMemory (it ended without a result: cancelled, or a
  // sub-task's frame could not be allocated), kBusy (it has not ended; the handle is
  // kept), kNotFound (the handle is empty).
  Result<T> TryTake() {
    if (!valid()) return Err(Error::kNotFound);
    Result<T> result = internal::ExecutorAccess::TakeResult<T>(*executor_, id_);
    if (result.is_ok() || result.error() != Error::kBusy) executor_ = nullptr;
    return result;
  }

  // Waits for the task to end and returns TryTake()'s result.
  internal::JoinAwaiter<T> operator co_await() && {
    return internal::JoinAwaiter<T>(std::move(*this));
  }

 private:
  friend class Executor;
  friend class internal::JoinAwaiter<T>;
  JoinHandle(Executor& executor, TaskId id) : executor_(&executor), id_(id) {}

  Executor* executor_ = nullptr;
  TaskId id_;
};

namespace internal {

// Waits for a JoinHandle's task to end. Owns the handle, so a cancelled waiter detaches
// the task it waited for.
template <typename T>
class JoinAwaiter : public Awaiter {
 public:
  explicit JoinAwaiter(JoinHandle<T> handle) : handle_(std::move(handle)) {}
  JoinAwaiter(const JoinAwaiter&) = delete;
  JoinAwaiter& operator=(const JoinAwaiter&) = delete;
  ~JoinAwaiter() { StopListening(); }

  bool await_ready() const { return !handle_.valid() || handle_.is_finished(); }

  bool await_suspend(TaskContext context) {
    LIBK_ASSERT(handle_.executor_ == &context.executor(),
                "a task awaited a JoinHandle of another executor's task");
    executor_ = &context.executor();
    listener_.waker = context.waker().token();
    listener_.remaining = 1;
    ExecutorAccess::Listen(*executor_, handle_.id(), listener_, 0);
    return true;
  }

  Result<T> await_resume() {
    StopListening();
    return handle_.TryTake();
  }

 private:
  void StopListening() {
    if (executor_ != nullptr) ExecutorAccess::Unlisten(*executor_, handle_.id(), listener_);
    executor_ = nullptr;
  }

  JoinHandle<T> handle_;
  JoinListener listener_;
  Executor* executor_ = nullptr;  // Set while listening.
};

}  // namespace internal

template <typename T>
Result<JoinHandle<T>> Executor::SpawnJoinable(Task<T> task) {
  Result<TaskId> id = internal::ExecutorAccess::SpawnWithHandle(*this, std::move(task));
  if (id.is_error()) return Err(id.error());
  return JoinHandle<T>(*this, id.value());
}

}  // namespace libk::async
