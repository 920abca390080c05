// CheckedIndex: an index that remembers where it was written. A C++20 operator[] cannot
// take a defaulted SourceLocation, but the implicit conversion from an integer can, so a
// bounds-checked operator[] taking a CheckedIndex still panics at its caller's line.
#pragma once

#include <cstddef>

#include "libk/base/source_location.h"

namespace libk {

struct CheckedIndex {
  // Converts implicitly from an integer; `location` is where the conversion happened, i.e.
  // the subscript expression. A negative index becomes huge and fails the bounds check.
  constexpr CheckedIndex(size_t value, SourceLocation location = SourceLocation::Current())
      : value(value), location(location) {}

  size_t value;
  SourceLocation location;
};

}  // namespace libk
