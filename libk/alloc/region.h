// The memory an allocator manages: a contiguous byte range that starts where Init puts it
// and can grow at its end through a RegionSource (the kernel maps more frames; host tests
// commit more of a buffer). Also the pointer arithmetic the allocators share.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

#include "libk/result/error.h"
#include "libk/result/result.h"

namespace libk::alloc {

// Extends an allocator's region at its end. The allocator calls Grow when it cannot serve
// a request from the bytes it has; the source decides how (map frames, commit a buffer)
// and how much (whole pages, up to a limit). Grow runs with the allocator's lock held, so
// it must not allocate from the same heap.
//
// The destructor is protected and non-virtual: sources are never deleted through this
// interface (a virtual one would need operator delete, which the heap itself provides).
class RegionSource {
 public:
  // Makes the bytes [end, end + n) usable for some n >= min_bytes and returns n; `end` is
  // the current end of the region. Returns Error::kOutOfMemory when the region cannot
  // grow by min_bytes (a limit, no frames left); the region is then unchanged.
  // Safety (for implementations): on success the n bytes must be writable, owned by the
  // allocator from now on, and contiguous with `end`.
  virtual Result<std::size_t> Grow(std::byte* end, std::size_t min_bytes) = 0;

 protected:
  constexpr RegionSource() = default;
  RegionSource(const RegionSource&) = default;
  RegionSource& operator=(const RegionSource&) = default;
  RegionSource(RegionSource&&) = default;
  RegionSource& operator=(RegionSource&&) = default;
  ~RegionSource() = default;
};

// Why Deallocate refused a block. Each is a caller bug: the locked wrapper panics with it
// (after releasing the heap lock); the block is left alone.
enum class FreeError : unsigned char {
  kOutsideHeap,        // The block does not lie inside the allocator's region.
  kMisaligned,         // The address is not one this allocator could have returned.
  kOverlapsFreeBlock,  // The block overlaps memory that is already free: a double free.
  kNothingAllocated,   // The block's size class has no live block: a double free.
};

// Returns a short description of `error` for panic messages.
constexpr const char* FreeErrorName(FreeError error) {
  switch (error) {
    case FreeError::kOutsideHeap:
      return "block outside the heap";
    case FreeError::kMisaligned:
      return "misaligned block";
    case FreeError::kOverlapsFreeBlock:
      return "block overlaps free memory (double free?)";
    case FreeError::kNothingAllocated:
      return "no live allocation (double free?)";
  }
  return "unknown free error";
}

// The largest request an allocator accepts. Anything larger fails at once, which keeps
// every size computation below (rounding, adding alignment slack) free of overflow.
inline constexpr std::size_t kMaxRequest = std::size_t{1} << 47;

// Returns whether `n` is a power of two (alignments must be).
constexpr bool IsPowerOfTwo(std::size_t n) { return n != 0 && (n & (n - 1)) == 0; }

// Returns `n` rounded up to a multiple of `align` (a power of two); n <= kMaxRequest.
constexpr std::size_t RoundUp(std::size_t n, std::size_t align) {
  return (n + align - 1) & ~(align - 1);
}

// Returns `n` rounded down to a multiple of `align` (a power of two).
constexpr std::size_t RoundDown(std::size_t n, std::size_t align) { return n & ~(align - 1); }

// Returns how many bytes `p` must move up to be a multiple of `align` (a power of two).
// Reading an address as a number is safe; the allocators then move pointers only by
// amounts they have checked to stay inside their region, so no integer becomes a pointer
// and no pointer leaves its object.
inline std::size_t PaddingFor(const std::byte* p, std::size_t align) {
  return static_cast<std::size_t>(-std::bit_cast<std::uintptr_t>(p)) & (align - 1);
}

// Returns whether `p` is a multiple of `align` (a power of two).
inline bool IsAligned(const void* p, std::size_t align) { return __builtin_is_aligned(p, align); }

// Returns the bytes of `object`: a block the allocators hand out or take back (void*), or
// an intrusive list node that lives in free memory. The allocators do all their address
// arithmetic on std::byte*, and this is the one place that makes one (the unsafe-boundary
// lint allowlists this file for it). Safe: std::byte may view the storage of any object,
// and the result points where `object` does, so it is exactly as valid as `object`.
// NOLINTBEGIN(bugprone-casting-through-void)
template <typename T>
std::byte* BytesOf(T* object) {
  // SAFETY: a view as bytes of the same storage; nothing else is read or written.
  return static_cast<std::byte*>(static_cast<void*>(object));
}
template <typename T>
const std::byte* BytesOf(const T* object) {
  // SAFETY: as above.
  return static_cast<const std::byte*>(static_cast<const void*>(object));
}
// NOLINTEND(bugprone-casting-through-void)

}  // namespace libk::alloc
