// TaskGroup<T, N>: N child tasks that a combinator (WhenAll, WhenAny, WithDeadline) spawns
// on its own executor and listens to. It lives in the awaiting task's frame; destroying it
// cancels and releases every child whose result was not taken, so a combinator never
// leaves work behind when its task is cancelled or when it returns early.
#pragma once

#include <cstddef>
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

namespace libk::async::internal {

template <typename T, std::size_t N>
class TaskGroup {
 public:
  template <typename... Tasks>
  explicit TaskGroup(Tasks&&... tasks) : tasks_{std::forward<Tasks>(tasks)...} {
    static_assert(sizeof...(Tasks) == N);
  }
  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;
  ~TaskGroup() { Abandon(); }

  // Spawns every child on the executor of `context` and wakes that wait once `wake_after`
  // children have ended. Errors: kOutOfMemory if a child's frame was never allocated or
  // the executor could not make room; the children spawned so far are cancelled then.
  Result<void> Start(TaskContext context, std::uint32_t wake_after) {
    executor_ = &context.executor();
    for (std::size_t i = 0; i < N; ++i) {
      Result<TaskId> id = ExecutorAccess::SpawnWithHandle(*executor_, std::move(tasks_[i]));
      if (id.is_error()) {
        Abandon();
        return Err(id.error());
      }
      ids_[i] = id.value();
      pending_[i] = true;
      started_ = i + 1;
    }
    listener_.waker = context.waker().token();
    listener_.remaining = wake_after;
    listener_.first = kNoIndex;
    for (std::size_t i = 0; i < N; ++i) {
      ExecutorAccess::Listen(*executor_, ids_[i], listener_, static_cast<std::uint32_t>(i));
    }
    return Ok();
  }

  // Returns the position of the first child to end (kNoIndex if none has).
  std::uint32_t first() const { return listener_.first; }

  // Returns whether child `i` has ended.
  bool HasEnded(std::size_t i) const {
    return pending_[i] && ExecutorAccess::HasEnded(*executor_, ids_[i]);
  }

  // Takes the result of child `i`, which has ended.
  Result<T> Take(std::size_t i) {
    LIBK_ASSERT(HasEnded(i), "a combinator took the result of a child that has not ended");
    pending_[i] = false;
    return ExecutorAccess::TakeResult<T>(*executor_, ids_[i]);
  }

  // Cancels and releases every child whose result was not taken.
  void Abandon() {
    for (std::size_t i = 0; i < started_; ++i) {
      if (!pending_[i]) continue;
      pending_[i] = false;
      ExecutorAccess::Unlisten(*executor_, ids_[i], listener_);
      (void)executor_->Cancel(ids_[i]);  // Cannot fail: the handle keeps the slot.
      ExecutorAccess::ReleaseHandle(*executor_, ids_[i]);
    }
    started_ = 0;
  }

 private:
  Task<T> tasks_[N];
  TaskId ids_[N] = {};
  bool pending_[N] = {};  // Spawned, result not taken.
  std::size_t started_ = 0;
  JoinListener listener_;
  Executor* executor_ = nullptr;
};

}  // namespace libk::async::internal
