// Calling a coroutine and dropping the Task destroys the frame unrun: almost always a
// forgotten co_await or Spawn. Task is [[nodiscard]].
#include "libk/async/task.h"

namespace {

libk::async::Task<void> Work() { co_return; }

}  // namespace

void Use() { Work(); }
