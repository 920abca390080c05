// Misuse: unlocking a SpinLock that this code never locked.
#include "libk/sync/spin_lock.h"

void UnlockOnly(libk::SpinLock& lock) { lock.Unlock(); }
