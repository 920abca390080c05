// What every allocator reports about itself: the size classes the statistics are kept in
// (the fixed-size block allocator's classes), HeapStats, and formatters for a heap line at
// boot and for the out-of-memory panic ("out of memory: 4096 bytes, align 16 (heap 16 MiB,
// 15.9 MiB used)").
#pragma once

#include <cstddef>

#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"

namespace libk::alloc {

// The block sizes of the fixed-size block allocator; every allocator counts its live
// allocations by these classes so that their statistics compare.
inline constexpr std::size_t kSizeClasses[] = {8, 16, 32, 64, 128, 256, 512, 1024, 2048};
inline constexpr std::size_t kSizeClassCount = sizeof(kSizeClasses) / sizeof(kSizeClasses[0]);
inline constexpr std::size_t kLargestSizeClass = kSizeClasses[kSizeClassCount - 1];
// The class index of requests larger (or more aligned) than every class.
inline constexpr std::size_t kLargeClass = kSizeClassCount;

// Returns the index of the smallest class whose blocks hold `size` bytes at alignment
// `align` (blocks are aligned to their size), or kLargeClass if none does.
constexpr std::size_t SizeClassOf(std::size_t size, std::size_t align) {
  const std::size_t need = size > align ? size : align;
  if (need > kLargestSizeClass) return kLargeClass;
  if (need <= kSizeClasses[0]) return 0;
  // The class is the bit length of need - 1 minus that of the smallest class's size - 1.
  const auto bits = static_cast<std::size_t>(64 - __builtin_clzll(need - 1));
  return bits - 3;
}
static_assert(SizeClassOf(1, 1) == 0 && SizeClassOf(8, 8) == 0 && SizeClassOf(9, 1) == 1);
static_assert(SizeClassOf(1, 16) == 1 && SizeClassOf(2048, 1) == kSizeClassCount - 1);
static_assert(SizeClassOf(2049, 1) == kLargeClass && SizeClassOf(8, 4096) == kLargeClass);

// A snapshot of an allocator's state.
struct HeapStats {
  // Bytes of the region the allocator manages now (grows with the region).
  std::size_t region_bytes = 0;
  // The sum of the sizes of the live allocations, as requested.
  std::size_t bytes_in_use = 0;
  // The largest bytes_in_use has been.
  std::size_t peak_bytes_in_use = 0;
  std::size_t live_allocations = 0;
  // Bytes the allocator can still hand out without growing the region.
  std::size_t free_bytes = 0;
  // The largest block a request could get without growing (the fixed-size block
  // allocator: its fallback's largest free block). With free_bytes, the fragmentation.
  std::size_t largest_free_block = 0;
  // How many times the region grew.
  std::size_t grow_count = 0;
  // Live allocations by size class (SizeClassOf); the last entry counts larger ones.
  std::size_t live_by_class[kSizeClassCount + 1] = {};
  // Blocks of each class ready to hand out at once (fixed-size block allocator only).
  std::size_t free_blocks_by_class[kSizeClassCount] = {};

  // Returns the bytes not free: live data plus rounding, headers and fragmentation.
  constexpr std::size_t used_bytes() const { return region_bytes - free_bytes; }
};

namespace internal {

// The counters that feed HeapStats' usage fields, updated on each allocation and free.
struct UsageCounters {
  std::size_t bytes_in_use = 0;
  std::size_t peak_bytes_in_use = 0;
  std::size_t live_allocations = 0;
  std::size_t grow_count = 0;
  std::size_t live_by_class[kSizeClassCount + 1] = {};

  void OnAllocate(std::size_t size, std::size_t size_class) {
    bytes_in_use += size;
    if (bytes_in_use > peak_bytes_in_use) peak_bytes_in_use = bytes_in_use;
    ++live_allocations;
    ++live_by_class[size_class];
  }
  void OnFree(std::size_t size, std::size_t size_class) {
    bytes_in_use -= size;
    --live_allocations;
    --live_by_class[size_class];
  }
  // Copies the counters into `stats`.
  void FillIn(HeapStats& stats) const {
    stats.bytes_in_use = bytes_in_use;
    stats.peak_bytes_in_use = peak_bytes_in_use;
    stats.live_allocations = live_allocations;
    stats.grow_count = grow_count;
    for (std::size_t i = 0; i <= kSizeClassCount; ++i) stats.live_by_class[i] = live_by_class[i];
  }
};

}  // namespace internal

// A byte count formatted for people: "512 B", "4 KiB", "15.9 MiB" (binary units, one
// decimal, truncated so that a nearly full heap never reads as full).
struct ByteSize {
  std::size_t bytes = 0;
};

// The out-of-memory panic line: "out of memory: 4096 bytes, align 16 (heap 16 MiB,
// 15.9 MiB used)". For operator new: LIBK_PANIC("{}", OutOfMemory{size, align, stats}).
struct OutOfMemory {
  std::size_t size = 0;
  std::size_t align = 0;
  HeapStats stats;
};

}  // namespace libk::alloc

namespace libk {

template <>
struct Formatter<alloc::ByteSize> {
  static void Format(const alloc::ByteSize& value, const FormatSpec& spec, Sink& sink);
};

// "heap 16 MiB, 15.9 MiB used, 15.2 MiB in 1200 allocations, peak 15.5 MiB, largest free
// 64 KiB, grew 3 times": the heap line printed at boot and in tests.
template <>
struct Formatter<alloc::HeapStats> {
  static void Format(const alloc::HeapStats& stats, const FormatSpec& spec, Sink& sink);
};

template <>
struct Formatter<alloc::OutOfMemory> {
  static void Format(const alloc::OutOfMemory& oom, const FormatSpec& spec, Sink& sink);
};

}  // namespace libk
