// The heap's limit (the smaller of the setting and a share of RAM) and its summary line.
#include "kernel/heap/sizes.h"

#include <cstddef>
#include <cstdint>

#include <gtest/gtest.h>

#include "libk/alloc/heap_stats.h"
#include "libk/testing/format_to_string.h"

namespace kernel::heap {
namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;

TEST(HeapSizes, DefaultsAreTheBuildSettings) {
  EXPECT_EQ(kMaxBytesSetting, std::size_t{KEEL_HEAP_MAX_MIB} * kMiB);
  EXPECT_EQ(kRamPercentSetting, unsigned{KEEL_HEAP_RAM_PERCENT});
  EXPECT_EQ(SizesFor(std::uint64_t{1} << 40).limit, kMaxBytesSetting);
}

TEST(HeapSizes, LimitIsTheSmallerOfTheSettingAndTheShareOfRam) {
  EXPECT_EQ(SizesFor(1024 * kMiB, 256 * kMiB, 25).limit, 256 * kMiB);
  EXPECT_EQ(SizesFor(1024 * kMiB, 64 * kMiB, 25).limit, 64 * kMiB);
  EXPECT_EQ(SizesFor(1000 * kMiB, 1024 * kMiB, 50).limit, 500 * kMiB);
}

TEST(HeapSizes, LimitIsWholePagesAndAtLeastTheInitialSize) {
  const Sizes sizes = SizesFor((31 * kMiB) + 12345, 256 * kMiB, 25);
  EXPECT_EQ(sizes.initial, kInitialBytes);
  EXPECT_EQ(sizes.limit % 4096, 0U);
  EXPECT_LE(sizes.limit, ((31 * kMiB) + 12345) / 4);
  EXPECT_GT(sizes.limit + 4096, ((31 * kMiB) + 12345) / 4);
  EXPECT_EQ(SizesFor(std::uint64_t{100} * 1024, 256 * kMiB, 25).limit, kInitialBytes);
  EXPECT_EQ(SizesFor(~std::uint64_t{0}, 256 * kMiB, 100).limit, 256 * kMiB);
}

TEST(HeapSummary, PrintsTheHeapLine) {
  libk::alloc::HeapStats stats;
  stats.region_bytes = std::size_t{64} * 1024;
  EXPECT_EQ(libk::testing::FormatToString("{}", Summary{"fixed-size block", stats, 16 * kMiB}),
            "heap: fixed-size block, 64 KiB mapped of 16 MiB max, 0 B in use, peak 0 B");
  stats.region_bytes = 3 * kMiB;
  stats.bytes_in_use = 1536;
  stats.peak_bytes_in_use = (2 * kMiB) + (kMiB / 2);
  EXPECT_EQ(libk::testing::FormatToString("{}", Summary{"bump", stats, 7 * kMiB}),
            "heap: bump, 3 MiB mapped of 7 MiB max, 1.5 KiB in use, peak 2.5 MiB");
}

}  // namespace
}  // namespace kernel::heap
