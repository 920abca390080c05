// The kernel has no libatomic: std::atomic of a type that is not always lock-free is
// rejected at compile time rather than at link time.
#include <atomic>

struct ThreeBytes {
  char bytes[3];
};

std::atomic<ThreeBytes> value;
