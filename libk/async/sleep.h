// Sleep(duration) and SleepUntil(deadline): suspend the task until the executor's clock
// reaches a deadline. The sleeping awaiter is the timer: it sits in the executor's timer
// queue from inside the task's frame (no allocation) and unlinks itself if the task is
// cancelled. The run loop fires expired timers, before it runs ready tasks, when it is woken
// for them (Executor::WakeIfTimerDue: the kernel's tick hook).
#pragma once

#include "libk/async/awaiter.h"
#include "libk/async/executor.h"
#include "libk/async/internal/executor_access.h"
#include "libk/async/internal/timer_queue.h"
#include "libk/async/time.h"
#include "libk/result/optional.h"

namespace libk::async {

namespace internal {

// Suspends until a deadline: a fixed Instant, or a Duration from the moment it suspends.
class SleepAwaiter : public Awaiter {
 public:
  explicit SleepAwaiter(Instant deadline) : deadline_(deadline) {}
  explicit SleepAwaiter(Duration duration) : duration_(duration) {}
  SleepAwaiter(const SleepAwaiter&) = delete;
  SleepAwaiter& operator=(const SleepAwaiter&) = delete;
  ~SleepAwaiter() { Unlink(); }

  // NOLINTNEXTLINE(readability-convert-member-functions-to-static): coroutine protocol.
  bool await_ready() const { return false; }

  // Does not suspend if the deadline has passed already.
  bool await_suspend(TaskContext context) {
    Executor& executor = context.executor();
    const Instant now = executor.Now();
    node_.deadline = deadline_.has_value() ? *deadline_ : now + duration_;
    if (node_.deadline <= now) return false;
    node_.waker = context.waker().token();
    queue_ = &ExecutorAccess::AddTimer(executor, node_);
    return true;
  }

  void await_resume() { Unlink(); }

 private:
  void Unlink() {
    if (node_.linked()) queue_->Remove(node_);
  }

  Optional<Instant> deadline_;
  Duration duration_;
  TimerNode node_;
  TimerQueue* queue_ = nullptr;
};

}  // namespace internal

// Suspends the task for at least `duration` on the executor's clock.
[[nodiscard]] inline internal::SleepAwaiter Sleep(Duration duration) {
  return internal::SleepAwaiter(duration);
}

// Suspends the task until the executor's clock reads `deadline` or later.
[[nodiscard]] inline internal::SleepAwaiter SleepUntil(Instant deadline) {
  return internal::SleepAwaiter(deadline);
}

}  // namespace libk::async
