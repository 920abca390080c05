// Misuse: reading a LIBK_GUARDED_BY member without holding its lock.
#include "libk/sync/spin_lock.h"

class Tally {
 public:
  int Get() { return count_; }

 private:
  libk::SpinLock lock_;
  int count_ LIBK_GUARDED_BY(lock_) = 0;
};

int Read(Tally& tally) { return tally.Get(); }
