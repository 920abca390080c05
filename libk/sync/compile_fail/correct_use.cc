// The correct counterparts of the compile_fail snippets, which must compile (and run).
#include <cstdint>

#include "libk/sync/interrupts.h"
#include "libk/sync/mutex.h"
#include "libk/sync/scoped_lock.h"
#include "libk/sync/spin_lock.h"

namespace {

// mutex_data_without_guard.cc: read through a guard.
int Peek(libk::Mutex<int>& number) { return *number.Lock(); }

// discarded_guard.cc: keep the guard for the critical section.
void LockAndIncrement(libk::Mutex<int>& number) {
  auto guard = number.Lock();
  ++*guard;
}

// copied_guard.cc: use the one guard.
int UseGuard(libk::Mutex<int>& number) {
  auto guard = number.Lock();
  return *guard;
}

// unlock_without_lock.cc and lock_left_held.cc: lock and unlock in pairs.
void LockThenUnlock(libk::SpinLock& lock) {
  lock.Lock();
  lock.Unlock();
}

// guarded_member_without_lock.cc: hold the lock while reading.
class Tally {
 public:
  int Get() {
    const libk::ScopedLock hold(lock_);
    return count_;
  }

 private:
  libk::SpinLock lock_;
  int count_ LIBK_GUARDED_BY(lock_) = 0;
};

// discarded_interrupt_guard.cc: a named guard.
bool Critical() {
  const libk::interrupts::InterruptGuard guard;
  return libk::interrupts::AreEnabled();
}

}  // namespace

int main() {
  libk::Mutex<int> number(1);
  libk::SpinLock lock;
  Tally tally;
  LockAndIncrement(number);
  LockThenUnlock(lock);
  const bool ok = Peek(number) == 2 && UseGuard(number) == 2 && tally.Get() == 0 && !Critical() &&
                  libk::interrupts::AreEnabled() && !lock.IsLocked();
  return ok ? 0 : 1;
}
