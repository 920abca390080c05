// Digit writers shared by the formatter and by code that spells numbers without a Sink,
// such as Flags' names in a constant expression. Each writes backwards from the end of the
// caller's buffer, so the caller need not know the number of digits first.
#pragma once

#include <cstddef>
#include <cstdint>

namespace libk {

inline constexpr char kLowerHexDigits[] = "0123456789abcdef";
inline constexpr char kUpperHexDigits[] = "0123456789ABCDEF";

// Returns how many base-2^kBits digits WritePowerOfTwoDigits writes at most for a u64.
template <unsigned kBits>
inline constexpr std::size_t kMaxPowerOfTwoDigits = (64 + kBits - 1) / kBits;

// Writes the base-2^kBits digits of `value` (kBits = 1 binary, 3 octal, 4 hex; "0" for 0)
// backwards, the last one just before `end`, taking digit characters from `digits`
// (kLowerHexDigits or kUpperHexDigits); returns the first digit written.
// Safety: the kMaxPowerOfTwoDigits<kBits> characters before `end` must be writable.
template <unsigned kBits>
constexpr char* WritePowerOfTwoDigits(char* end, std::uint64_t value,
                                      const char* digits = kLowerHexDigits) {
  static_assert(kBits >= 1 && kBits <= 4, "digits go up to base 16");
  constexpr std::uint64_t kMask = (std::uint64_t{1} << kBits) - 1;
  do {
    *--end = digits[value & kMask];
    value >>= kBits;
  } while (value != 0);
  return end;
}

}  // namespace libk
