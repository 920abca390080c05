// The kernel has no libatomic: std::atomic of a type too large to be lock-free compiles to
// calls of libatomic's __atomic_load/__atomic_store, which nothing in a kernel defines, so
// the kernel does not link.
#include <atomic>

struct FourWords {
  long words[4];
};

std::atomic<FourWords> value;

FourWords Load() { return value.load(); }
