// Misuse: copying a guard, which would unlock the Mutex twice.
#include "libk/sync/mutex.h"

int CopyGuard(libk::Mutex<int>& number) {
  auto guard = number.Lock();
  auto copy = guard;
  return *copy;
}
