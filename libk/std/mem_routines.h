// Byte-wise memory routines: the implementation of the kernel's memcpy, memmove, memset,
// memcmp and memchr (//libk/std:mem_runtime), kept here as constexpr functions so that host
// tests can compare them with the C library's. Simple byte loops: correct first, fast later.
#pragma once

#include <cstddef>

namespace libk {

// Copies `n` bytes from `src` to `dest`. The ranges must not overlap.
// Safety: `dest` and `src` must each point to at least `n` accessible bytes.
[[gnu::always_inline]] constexpr void CopyBytes(unsigned char* dest, const unsigned char* src,
                                                std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) dest[i] = src[i];
}

// Copies `n` bytes from `src` to `dest` as if through a temporary buffer: the ranges may
// overlap. Ranges that do not overlap are copied correctly in either direction, so the
// comparison only matters (and is only meaningful) when they lie in the same object.
// Safety: `dest` and `src` must each point to at least `n` accessible bytes.
[[gnu::always_inline]] constexpr void MoveBytes(unsigned char* dest, const unsigned char* src,
                                                std::size_t n) noexcept {
  if (dest < src) {
    for (std::size_t i = 0; i < n; ++i) dest[i] = src[i];
  } else if (src < dest) {
    for (std::size_t i = n; i > 0; --i) dest[i - 1] = src[i - 1];
  }
}

// Sets `n` bytes at `dest` to `value`.
// Safety: `dest` must point to at least `n` accessible bytes.
[[gnu::always_inline]] constexpr void SetBytes(unsigned char* dest, unsigned char value,
                                               std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) dest[i] = value;
}

// Compares `n` bytes of `a` and `b` as unsigned chars; returns a negative number, zero or a
// positive number as `a` is less than, equal to or greater than `b` at the first difference.
// Safety: `a` and `b` must each point to at least `n` readable bytes.
[[gnu::always_inline]] constexpr int CompareBytes(const unsigned char* a, const unsigned char* b,
                                                  std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

// Returns the index of the first of the `n` bytes at `s` that equals `value`, or `n` if
// none does.
// Safety: `s` must point to at least `n` readable bytes.
[[gnu::always_inline]] constexpr std::size_t FindByte(const unsigned char* s, unsigned char value,
                                                      std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (s[i] == value) return i;
  }
  return n;
}

}  // namespace libk
