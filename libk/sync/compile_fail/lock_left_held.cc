// Misuse: returning with a SpinLock still held.
#include "libk/sync/spin_lock.h"

void LockOnly(libk::SpinLock& lock) { lock.Lock(); }
