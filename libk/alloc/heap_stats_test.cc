// Size classes and the formatting of heap sizes, heap lines and the out-of-memory line.
#include "libk/alloc/heap_stats.h"

#include <cstddef>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/testing/format_to_string.h"

namespace libk::alloc {
namespace {

using libk::testing::FormatToString;

TEST(SizeClassProperty, IsTheSmallestClassThatHoldsTheRequest) {
  EXPECT_TRUE(rc::check([](std::size_t size, std::size_t shift) {
    size %= 3 * kLargestSizeClass;
    const std::size_t align = std::size_t{1} << (shift % 14);
    std::size_t expected = kLargeClass;
    for (std::size_t i = 0; i < kSizeClassCount; ++i) {
      if (kSizeClasses[i] >= size && kSizeClasses[i] >= align) {
        expected = i;
        break;
      }
    }
    RC_ASSERT(SizeClassOf(size, align) == expected);
  }));
}

TEST(ByteSizeTest, UsesBinaryUnitsWithOneTruncatedDecimal) {
  EXPECT_EQ(FormatToString("{}", ByteSize{0}), "0 B");
  EXPECT_EQ(FormatToString("{}", ByteSize{1023}), "1023 B");
  EXPECT_EQ(FormatToString("{}", ByteSize{1024}), "1 KiB");
  EXPECT_EQ(FormatToString("{}", ByteSize{1536}), "1.5 KiB");
  EXPECT_EQ(FormatToString("{}", ByteSize{2047}), "1.9 KiB");
  EXPECT_EQ(FormatToString("{}", ByteSize{16 << 20}), "16 MiB");
  EXPECT_EQ(FormatToString("{}", ByteSize{(16 << 20) - (100 << 10)}), "15.9 MiB");
  EXPECT_EQ(FormatToString("{}", ByteSize{std::size_t{3} << 30}), "3 GiB");
  EXPECT_EQ(FormatToString("{}", ByteSize{~std::size_t{0}}), "15.9 EiB");
}

HeapStats NearlyFullHeap() {
  HeapStats stats;
  stats.region_bytes = 16 << 20;
  stats.free_bytes = 100 << 10;
  stats.bytes_in_use = (15 << 20) + (512 << 10);
  stats.peak_bytes_in_use = 15 << 20 | 768 << 10;
  stats.live_allocations = 1200;
  stats.largest_free_block = 64 << 10;
  stats.grow_count = 3;
  return stats;
}

TEST(HeapStatsFormatTest, TheOutOfMemoryLine) {
  EXPECT_EQ(FormatToString("{}", OutOfMemory{4096, 16, NearlyFullHeap()}),
            "out of memory: 4096 bytes, align 16 (heap 16 MiB, 15.9 MiB used)");
}

TEST(HeapStatsFormatTest, TheHeapLine) {
  EXPECT_EQ(FormatToString("{}", NearlyFullHeap()),
            "heap 16 MiB, 15.9 MiB used, 15.5 MiB in 1200 allocations, peak 15.7 MiB, "
            "largest free 64 KiB, grew 3 times");
}

}  // namespace
}  // namespace libk::alloc
