// Must not compile: copies an ArrayVec whose elements are move-only.
#include <memory>

#include "libk/containers/array_vec.h"

size_t Copy(const libk::ArrayVec<std::unique_ptr<int>, 4>& original) {
  libk::ArrayVec<std::unique_ptr<int>, 4> copy(original);
  return copy.size();
}
