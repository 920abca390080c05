// Must not compile: copies a Result whose value is move-only.
#include <memory>

#include "libk/result/result.h"

bool Caller(const libk::Result<std::unique_ptr<int>>& original) {
  libk::Result<std::unique_ptr<int>> copy = original;
  return copy.is_ok();
}
