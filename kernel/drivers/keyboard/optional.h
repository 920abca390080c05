// A minimal optional value for the PS/2 decoders, which return "maybe an event" from every
// byte they are fed. Only for small, default-constructible value types.
// FIXME: replace with a libk optional once libk has one.
#pragma once

#include "libk/panic/panic.h"

namespace kernel::ps2 {

// Either a T or nothing. Invariant: an empty Optional holds a default-constructed T, so
// defaulted equality compares empties as equal.
template <typename T>
class Optional {
 public:
  // Creates an empty Optional.
  constexpr Optional() = default;
  // Creates an Optional holding `value`.
  constexpr Optional(const T& value) : value_(value), has_value_(true) {}  // NOLINT: implicit

  constexpr bool has_value() const { return has_value_; }
  constexpr explicit operator bool() const { return has_value_; }

  // Returns the value. Panics if there is none.
  constexpr const T& operator*() const {
    LIBK_ASSERT(has_value_, "empty Optional dereferenced");
    return value_;
  }
  constexpr const T* operator->() const { return &**this; }

  constexpr bool operator==(const Optional&) const = default;

 private:
  T value_{};
  bool has_value_ = false;
};

}  // namespace kernel::ps2
