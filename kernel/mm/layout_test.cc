// The virtual layout's ranges: ordered, apart, page-aligned and in the higher half.
#include "kernel/mm/layout.h"

#include <gtest/gtest.h>

namespace kernel::mm::layout {
namespace {

TEST(Layout, RangesAreOrderedAndDisjoint) {
  EXPECT_EQ(kDirectMapBase, 0xffff'8000'0000'0000U);
  EXPECT_LE(kDirectMapEnd, kHeapGuardLow);
  EXPECT_EQ(kHeapBase - kHeapGuardLow, kPageBytes);
  EXPECT_EQ(kHeapRangeEnd - kHeapGuardHigh, kPageBytes);
  EXPECT_LE(kHeapRangeEnd, kWindowsBase);
  EXPECT_LE(kWindowsEnd, kKernelImageBase);
  EXPECT_EQ(kHeapBase % kPageBytes, 0U);
  EXPECT_EQ(kKernelImageBase, 0xffff'ffff'8000'0000U);
}

}  // namespace
}  // namespace kernel::mm::layout
