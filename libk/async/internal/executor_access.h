// The executor's entry points for libk/async's own awaitables (JoinHandle, WhenAll,
// WhenAny, Sleep): spawning with a handle attached, listening for a task's end, taking
// its result, and the timer queue. Not for use outside libk/async.
#pragma once

#include <coroutine>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "libk/async/executor.h"
#include "libk/async/internal/slot.h"
#include "libk/async/internal/timer_queue.h"
#include "libk/async/task.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/result.h"

namespace libk::async::internal {

struct ExecutorAccess {
  // Links `node` in the executor's timer queue and returns the queue (to unlink it from).
  static TimerQueue& AddTimer(Executor& executor, TimerNode& node) {
    executor.AddTimer(node);
    return executor.timers_;
  }

  // Spawns `task` with a handle attached: its slot (and, once it returns, its frame with
  // the result) stays until ReleaseHandle or TakeResult.
  template <typename T>
  static Result<TaskId> SpawnWithHandle(Executor& executor, Task<T> task) {
    const typename Task<T>::Handle handle = task.Release();
    if (!handle) return Err(Error::kOutOfMemory);
    return executor.SpawnFrame(handle, handle.promise(), /*with_handle=*/true);
  }

  // Returns whether the task `id` (which has a handle) has ended.
  static bool HasEnded(const Executor& executor, TaskId id) { return !executor.IsAlive(id); }

  // Tells `listener` (with `tag`) when the task `id`, which has not ended, ends.
  static void Listen(Executor& executor, TaskId id, JoinListener& listener, std::uint32_t tag) {
    Slot* slot = executor.Lookup(id);
    const bool alive = executor.IsAlive(id);  // Implies slot != nullptr.
    LIBK_ASSERT(alive, "listening for a task that has ended");
    LIBK_ASSERT(slot->listener == nullptr, "a task can have only one listener");
    slot->listener = &listener;
    slot->listener_tag = tag;
  }

  // Stops telling `listener` about the task `id`, if it still would.
  static void Unlisten(Executor& executor, TaskId id, const JoinListener& listener) {
    Slot* slot = executor.Lookup(id);
    if (slot != nullptr && slot->listener == &listener) slot->listener = nullptr;
  }

  // Gives up the handle on `id`: a task that has ended is freed now, one that runs on is
  // freed when it ends.
  static void ReleaseHandle(Executor& executor, TaskId id) { executor.ReleaseHandle(id); }

  // Takes the result of the task `id` (which has a handle) and releases the handle, if the
  // task has ended. Errors: why it ended without a result (kCancelled, kOutOfMemory), or
  // kBusy if it has not ended (the handle is kept then).
  template <typename T>
  static Result<T> TakeResult(Executor& executor, TaskId id) {
    Slot* slot = executor.Lookup(id);
    const bool has_handle = slot != nullptr && slot->has_handle;
    LIBK_ASSERT(has_handle, "a result was taken without a handle");
    if (slot->state == SlotState::kCompleted) {
      auto handle = std::coroutine_handle<Promise<T>>::from_address(slot->root.address());
      if constexpr (std::is_void_v<T>) {
        executor.ReleaseHandle(id);
        return Ok();
      } else {
        Result<T> result(handle.promise().TakeResult());
        executor.ReleaseHandle(id);
        return result;
      }
    }
    if (slot->state == SlotState::kCancelled) {
      const Error reason = slot->end_error;
      executor.ReleaseHandle(id);
      return Err(reason);
    }
    return Err(Error::kBusy);
  }
};

}  // namespace libk::async::internal
