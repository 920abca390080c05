// The linked-list allocator against the heap model, and its defining behaviours: first
// fit in address order, splitting for alignment, merging with both neighbours.
#include "libk/alloc/linked_list_allocator.h"

#include <cstddef>

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

TEST(LinkedListAllocatorProperty, MatchesTheModel) {
  EXPECT_TRUE(rc::check([] {
    testing::RunWorkload<LinkedListAllocator, testing::LinkedListPolicy>(*testing::GenWorkload());
  }));
}

class LinkedListAllocatorTest : public ::testing::Test {
 protected:
  LinkedListAllocatorTest() {
    // SAFETY: the buffer outlives the allocator.
    heap_.Init(source_.base(), 4096, &source_);
  }
  std::byte* Allocate(std::size_t size, std::size_t align = 16) {
    return BytesOf(heap_.Allocate(size, align));
  }
  void Free(std::byte* block, std::size_t size, std::size_t align = 16) {
    // SAFETY: the tests free each block once, with its size.
    ASSERT_TRUE(heap_.Deallocate(block, size, align).is_ok());
  }
  LinkedListAllocator& heap() { return heap_; }
  std::byte* base() const { return source_.base(); }

 private:
  BufferRegionSource source_{0, 4096, 64 * kKiB};
  LinkedListAllocator heap_;
};

TEST_F(LinkedListAllocatorTest, TakesTheFirstFitInAddressOrder) {
  std::byte* a = Allocate(64);
  std::byte* b = Allocate(64);
  std::byte* c = Allocate(64);
  EXPECT_EQ(a, base());
  EXPECT_EQ(b, a + 64);
  Free(a, 64);
  Free(c, 64);  // Merges with the tail.
  EXPECT_EQ(heap().FreeBlockCount(), 2U);
  EXPECT_EQ(Allocate(32), a) << "the lowest block that fits comes first";
  EXPECT_EQ(Allocate(48), c) << "a does not have 48 bytes left; c, merged with the tail, does";
}

TEST_F(LinkedListAllocatorTest, MergesWithBothNeighbours) {
  std::byte* a = Allocate(64);
  std::byte* b = Allocate(64);
  std::byte* c = Allocate(64);
  std::byte* d = Allocate(64);  // Keeps c away from the tail.
  Free(a, 64);
  Free(c, 64);
  EXPECT_EQ(heap().FreeBlockCount(), 3U);
  Free(b, 64);
  EXPECT_EQ(heap().FreeBlockCount(), 2U) << "a, b and c must form one block";
  EXPECT_EQ(Allocate(192), a);
  Free(a, 192);
  Free(d, 64);
  EXPECT_EQ(heap().FreeBlockCount(), 1U);
  EXPECT_EQ(heap().Stats().free_bytes, 4096U);
}

TEST_F(LinkedListAllocatorTest, SplitsAFrontFragmentForAlignment) {
  std::byte* small = Allocate(16);
  std::byte* page = Allocate(100, 1024);
  EXPECT_EQ(page, base() + 1024);
  // The fragment in front of the aligned block stays free and serves the next request.
  EXPECT_EQ(heap().FreeBlockCount(), 2U);
  EXPECT_EQ(Allocate(16), small + 16);
  EXPECT_EQ(heap().Stats().free_bytes, 4096 - 16 - 112 - 16);
}

TEST_F(LinkedListAllocatorTest, GrowsIntoTheTailBlock) {
  std::byte* a = Allocate(4000);
  std::byte* b = Allocate(8000);
  EXPECT_EQ(b, a + 4000);
  EXPECT_EQ(heap().Stats().grow_count, 1U);
  EXPECT_EQ(heap().Stats().region_bytes, 4096 + 8192U);
  EXPECT_EQ(heap().FreeBlockCount(), 1U);
  // A block that cannot fit even in the whole buffer fails without growing.
  EXPECT_EQ(Allocate(64 * kKiB), nullptr);
  EXPECT_EQ(heap().Stats().grow_count, 1U);
}

TEST_F(LinkedListAllocatorTest, RefusesDoubleAndForeignFrees) {
  std::byte* a = Allocate(64);
  std::byte* b = Allocate(64);
  Free(a, 64);
  // SAFETY: misuse the allocator detects and refuses, leaving the heap as it was.
  EXPECT_EQ(heap().Deallocate(a, 64, 16).error(), FreeError::kOverlapsFreeBlock);
  EXPECT_EQ(heap().Deallocate(b + 8, 16, 8).error(), FreeError::kMisaligned);
  std::byte outside[64];
  EXPECT_EQ(heap().Deallocate(outside, 64, 16).error(), FreeError::kOutsideHeap);
  EXPECT_TRUE(heap().InvariantsHold());
  Free(b, 64);
  EXPECT_EQ(heap().FreeBlockCount(), 1U);
}

TEST(LinkedListAllocatorInit, UsesTheAlignedPartOfTheRegion) {
  BufferRegionSource source(5, 100, 100);
  LinkedListAllocator heap;
  // SAFETY: the buffer outlives the allocator.
  heap.Init(source.base(), 100, &source);
  const HeapStats stats = heap.Stats();
  EXPECT_EQ(stats.region_bytes, 100U);
  EXPECT_EQ(stats.free_bytes, 80U);  // [11, 91) of the region, 16-aligned.
  EXPECT_EQ(PaddingFor(BytesOf(heap.Allocate(80, 16)), 16), 0U);
}

}  // namespace
}  // namespace libk::alloc
