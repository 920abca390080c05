// A function that is not a coroutine returns a Task it got elsewhere. Task is
// [[clang::coro_return_type]]: such a function must say [[clang::coro_wrapper]], so that
// clang's lifetime checks of coroutine arguments cannot be bypassed by a wrapper.
#include "libk/async/task.h"

namespace {

libk::async::Task<int> Answer() { co_return 42; }

libk::async::Task<int> Forward() { return Answer(); }

}  // namespace

bool Use() { return Forward().valid(); }
