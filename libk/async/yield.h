// The simplest awaitables: Yield() lets every other ready task run before this one goes
// on; ThisExecutor() gives a task the executor it runs on (to spawn more tasks).
#pragma once

#include "libk/async/awaiter.h"
#include "libk/async/executor.h"

namespace libk::async {

namespace internal {

// Wakes its own task before suspending: the task goes to the back of the ready queue.
class YieldAwaiter : public Awaiter {
 public:
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static): coroutine protocol.
  bool await_ready() const { return false; }
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static): coroutine protocol.
  void await_suspend(TaskContext context) const { context.waker().Wake(); }
  void await_resume() const {}
};

// Reads the executor from the task's context without suspending.
class ThisExecutorAwaiter : public Awaiter {
 public:
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static): coroutine protocol.
  bool await_ready() const { return false; }
  bool await_suspend(TaskContext context) {
    executor_ = &context.executor();
    return false;
  }
  Executor& await_resume() const { return *executor_; }

 private:
  Executor* executor_ = nullptr;
};

}  // namespace internal

// Suspends the task and puts it at the back of the ready queue: `co_await Yield();`.
[[nodiscard]] inline internal::YieldAwaiter Yield() { return {}; }

// Returns the executor the task runs on: `Executor& executor = co_await ThisExecutor();`.
[[nodiscard]] inline internal::ThisExecutorAwaiter ThisExecutor() { return {}; }

}  // namespace libk::async
