// Misuse: calling Lock() and dropping the guard, which unlocks at once.
#include "libk/sync/mutex.h"

void LockAndForget(libk::Mutex<int>& number) { number.Lock(); }
