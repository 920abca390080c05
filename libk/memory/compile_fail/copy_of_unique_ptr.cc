// Must not compile: copies a UniquePtr, which would free its object twice.
#include "libk/memory/unique_ptr.h"

int Copy(const libk::UniquePtr<int>& owner) {
  libk::UniquePtr<int> copy = owner;
  return *copy;
}
