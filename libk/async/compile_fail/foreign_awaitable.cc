// A task may only co_await keel awaitables: a foreign awaiter would suspend without
// arranging a wake (the task would sleep forever) or resume the frame behind the
// executor's back. std::suspend_always is such an awaiter.
#include <coroutine>

#include "libk/async/task.h"

namespace {

libk::async::Task<int> Stuck() {
  co_await std::suspend_always{};
  co_return 1;
}

}  // namespace

bool Use() { return Stuck().valid(); }
