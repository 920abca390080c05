// The C runtime functions the compiler may call even in freestanding code: memcpy, memmove,
// memset and memcmp (for copies and initializations of large objects, and from libc++'s
// algorithms on trivially copyable types), memchr (libc++'s std::find on bytes), and
// __cxa_pure_virtual (in the vtable slot of a pure virtual function). Their declarations
// are keel's <string.h> (libk/std/libc). Compiled with -fno-builtin so that the byte loops
// are not turned back into calls to these functions.
#include <cstddef>
#include <cstring>

#include "libk/panic/panic.h"
#include "libk/std/mem_routines.h"

extern "C" {

void* memcpy(void* dest, const void* src, std::size_t n) {
  // SAFETY: the C contract of memcpy is the caller's: both ranges are accessible and
  // disjoint.
  libk::CopyBytes(static_cast<unsigned char*>(dest), static_cast<const unsigned char*>(src), n);
  return dest;
}

void* memmove(void* dest, const void* src, std::size_t n) {
  // SAFETY: the C contract of memmove is the caller's: both ranges are accessible.
  libk::MoveBytes(static_cast<unsigned char*>(dest), static_cast<const unsigned char*>(src), n);
  return dest;
}

void* memset(void* dest, int value, std::size_t n) {
  // SAFETY: the C contract of memset is the caller's: the range is accessible.
  libk::SetBytes(static_cast<unsigned char*>(dest), static_cast<unsigned char>(value), n);
  return dest;
}

int memcmp(const void* a, const void* b, std::size_t n) {
  // SAFETY: the C contract of memcmp is the caller's: both ranges are readable.
  return libk::CompareBytes(static_cast<const unsigned char*>(a),
                            static_cast<const unsigned char*>(b), n);
}

void* memchr(const void* s, int c, std::size_t n) {
  const auto* bytes = static_cast<const unsigned char*>(s);
  // SAFETY: the C contract of memchr is the caller's: the range is readable.
  const std::size_t index = libk::FindByte(bytes, static_cast<unsigned char>(c), n);
  if (index == n) return nullptr;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-const-cast): C's memchr returns a mutable pointer.
  return const_cast<unsigned char*>(bytes + index);
}

[[noreturn]] void __cxa_pure_virtual() { libk::Panic("pure virtual function called"); }

}  // extern "C"
