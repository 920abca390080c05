// Alignment arithmetic on 64-bit addresses and sizes, shared by the address types, the
// mapper and the frame allocator. Every alignment is a power of two; anything else is a
// programming error and panics at the caller.
#pragma once

#include <cstdint>
#include <limits>

#include "libk/base/source_location.h"
#include "libk/panic/panic.h"
#include "libk/result/optional.h"

namespace libk::x86_64::paging {

// Returns whether `value` is a power of two (0 is not).
constexpr bool IsPowerOfTwo(std::uint64_t value) {
  return value != 0 && (value & (value - 1)) == 0;
}

namespace internal {
constexpr void CheckAlignment(std::uint64_t align, SourceLocation loc) {
  if (!IsPowerOfTwo(align)) [[unlikely]] {
    Panic("alignment is not a power of two", loc);
  }
}
}  // namespace internal

// Returns whether `value` is a multiple of `align`.
constexpr bool IsAligned(std::uint64_t value, std::uint64_t align,
                         SourceLocation loc = SourceLocation::Current()) {
  internal::CheckAlignment(align, loc);
  return (value & (align - 1)) == 0;
}

// Returns the largest multiple of `align` that is <= `value`.
constexpr std::uint64_t AlignDown(std::uint64_t value, std::uint64_t align,
                                  SourceLocation loc = SourceLocation::Current()) {
  internal::CheckAlignment(align, loc);
  return value & ~(align - 1);
}

// Returns the smallest multiple of `align` that is >= `value`, or nothing if that does not
// fit in 64 bits.
constexpr Optional<std::uint64_t> CheckedAlignUp(std::uint64_t value, std::uint64_t align,
                                                 SourceLocation loc = SourceLocation::Current()) {
  internal::CheckAlignment(align, loc);
  const std::uint64_t down = value & ~(align - 1);
  if (down == value) return value;
  if (down > std::numeric_limits<std::uint64_t>::max() - align) return kNone;
  return down + align;
}

// Returns the smallest multiple of `align` that is >= `value`; panics at the caller if
// that does not fit in 64 bits.
constexpr std::uint64_t AlignUp(std::uint64_t value, std::uint64_t align,
                                SourceLocation loc = SourceLocation::Current()) {
  const Optional<std::uint64_t> up = CheckedAlignUp(value, align, loc);
  if (!up.has_value()) [[unlikely]] {
    Panic("AlignUp overflows 64 bits", loc);
  }
  return *up;
}

}  // namespace libk::x86_64::paging
