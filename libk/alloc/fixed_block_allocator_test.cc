// The fixed-size block allocator against the heap model, and what sets it apart: O(1)
// per-class free lists, large and over-aligned requests in the fallback, and chunks given
// back (Trim) before the region grows.
#include "libk/alloc/fixed_block_allocator.h"

#include <cstddef>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/region.h"
#include "libk/alloc/testing/buffer_region_source.h"
#include "libk/alloc/testing/heap_model.h"
#include "libk/alloc/testing/heap_policies.h"

namespace libk::alloc {
namespace {

using testing::BufferRegionSource;
constexpr std::size_t kKiB = 1024;

TEST(FixedBlockAllocatorProperty, MatchesTheModel) {
  EXPECT_TRUE(rc::check([] {
    testing::RunWorkload<FixedBlockAllocator, testing::FixedBlockPolicy>(*testing::GenWorkload());
  }));
}

class FixedBlockAllocatorTest : public ::testing::Test {
 protected:
  FixedBlockAllocatorTest() {
    // SAFETY: the buffer outlives the allocator.
    heap_.Init(source_.base(), 16 * kKiB, &source_);
  }
  FixedBlockAllocator& heap() { return heap_; }

 private:
  BufferRegionSource source_{0, 16 * kKiB, 256 * kKiB};
  FixedBlockAllocator heap_;
};

TEST_F(FixedBlockAllocatorTest, ReusesTheLastFreedBlockOfAClass) {
  void* a = heap().Allocate(24, 8);
  void* b = heap().Allocate(30, 8);
  EXPECT_EQ(BytesOf(b), BytesOf(a) + 32);
  // SAFETY: a block of this heap, freed once with its size.
  ASSERT_TRUE(heap().Deallocate(a, 24, 8).is_ok());
  EXPECT_EQ(heap().Allocate(17, 1), a) << "any request of the 32-byte class takes the block";
  EXPECT_EQ(heap().Stats().live_by_class[SizeClassOf(32, 1)], 2U);
}

TEST_F(FixedBlockAllocatorTest, AlignsBlocksToTheirClass) {
  for (std::size_t index = 0; index < kSizeClassCount; ++index) {
    auto* block = BytesOf(heap().Allocate(1, kSizeClasses[index]));
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(PaddingFor(block, kSizeClasses[index]), 0U);
    EXPECT_EQ(heap().Stats().live_by_class[index], 1U);
  }
}

TEST_F(FixedBlockAllocatorTest, LargeAndOverAlignedRequestsGoToTheFallback) {
  void* large = heap().Allocate(4000, 16);
  void* aligned = heap().Allocate(8, 4096);
  const HeapStats stats = heap().Stats();
  EXPECT_EQ(stats.live_by_class[kLargeClass], 2U);
  EXPECT_EQ(PaddingFor(BytesOf(aligned), 4096), 0U);
  for (const std::size_t ready : stats.free_blocks_by_class) EXPECT_EQ(ready, 0U);
  // SAFETY (both): blocks of this heap, each freed once with its size and alignment.
  ASSERT_TRUE(heap().Deallocate(large, 4000, 16).is_ok());
  ASSERT_TRUE(heap().Deallocate(aligned, 8, 4096).is_ok());
  EXPECT_EQ(heap().fallback().FreeBlockCount(), 1U);
}

TEST_F(FixedBlockAllocatorTest, TrimsEmptyClassesBeforeGrowing) {
  // Fill most of the region with 64-byte blocks, then free them all.
  std::vector<void*> blocks;
  blocks.reserve(200);
  for (int i = 0; i < 200; ++i) blocks.push_back(heap().Allocate(64, 16));
  // SAFETY: blocks of this heap, each freed once with its size.
  for (void* block : blocks) ASSERT_TRUE(heap().Deallocate(block, 64, 16).is_ok());
  EXPECT_GT(heap().Stats().free_blocks_by_class[SizeClassOf(64, 16)], 0U);
  EXPECT_LT(heap().fallback().Stats().largest_free_block, 8192U);
  // 8 KiB fits only once the 64-byte chunks are back in the fallback.
  EXPECT_NE(heap().Allocate(8192, 16), nullptr);
  EXPECT_EQ(heap().Stats().grow_count, 0U);
  EXPECT_EQ(heap().Stats().free_blocks_by_class[SizeClassOf(64, 16)], 0U);
}

TEST_F(FixedBlockAllocatorTest, GrowsWhenAClassNeedsAChunk) {
  std::vector<void*> blocks;
  blocks.reserve(20);
  for (int i = 0; i < 20; ++i) blocks.push_back(heap().Allocate(2048, 16));
  EXPECT_GT(heap().Stats().grow_count, 0U);
  EXPECT_GT(heap().Stats().region_bytes, 16 * kKiB);
  // SAFETY: blocks of this heap, each freed once with its size.
  for (void* block : blocks) ASSERT_TRUE(heap().Deallocate(block, 2048, 16).is_ok());
  EXPECT_GT(heap().Trim(), 40 * kKiB);
  EXPECT_EQ(heap().fallback().FreeBlockCount(), 1U);
}

TEST_F(FixedBlockAllocatorTest, RefusesTheFreesItCanCheck) {
  void* a = heap().Allocate(64, 16);
  void* b = heap().Allocate(64, 16);
  // SAFETY (every free below): the right free of `a`, then misuse the allocator detects
  // and refuses, leaving the heap as it was.
  ASSERT_TRUE(heap().Deallocate(a, 64, 16).is_ok());
  EXPECT_EQ(heap().Deallocate(a, 64, 16).error(), FreeError::kOverlapsFreeBlock);
  EXPECT_EQ(heap().Deallocate(a, 128, 16).error(), FreeError::kNothingAllocated);
  EXPECT_EQ(heap().Deallocate(BytesOf(b) + 16, 64, 16).error(), FreeError::kMisaligned);
  std::byte outside[64];
  EXPECT_EQ(heap().Deallocate(outside, 64, 16).error(), FreeError::kOutsideHeap);
  EXPECT_TRUE(heap().InvariantsHold());
}

TEST(FixedBlockAllocatorInit, FailsWithoutARegion) {
  FixedBlockAllocator heap;
  EXPECT_EQ(heap.Allocate(8, 8), nullptr);
  EXPECT_EQ(heap.Allocate(8000, 8), nullptr);
}

}  // namespace
}  // namespace libk::alloc
