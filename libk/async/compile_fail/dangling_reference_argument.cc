// A Task made from a coroutine whose reference parameter is bound to a temporary: the
// temporary dies at the end of the statement, the Task (and its frame) live on. Task is
// [[clang::coro_lifetimebound]], so clang reports it (-Wdangling, an error with -Werror).
// (keel's clang-tidy also rejects the reference parameter itself.)
#include "libk/async/task.h"

namespace {

// NOLINTNEXTLINE(cppcoreguidelines-avoid-reference-coroutine-parameters): the misuse.
libk::async::Task<int> Twice(const int& value) { co_return 2 * value; }

int Make() { return 21; }

}  // namespace

int Use() {
  libk::async::Task<int> task = Twice(Make());
  return task.valid() ? 1 : 0;
}
