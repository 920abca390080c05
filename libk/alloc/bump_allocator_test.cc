// The bump allocator against the heap model, and the behaviour that sets it apart: memory
// comes back only when every block is freed.
#include "libk/alloc/bump_allocator.h"

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

TEST(BumpAllocatorProperty, MatchesTheModel) {
  EXPECT_TRUE(rc::check(
      [] { testing::RunWorkload<BumpAllocator, testing::BumpPolicy>(*testing::GenWorkload()); }));
}

TEST(BumpAllocatorTest, ReusesMemoryOnlyWhenEverythingIsFree) {
  BufferRegionSource source(0, 4096, 4096);
  BumpAllocator heap;
  // SAFETY: the buffer outlives the allocator.
  heap.Init(source.base(), 4096, &source);
  auto* a = BytesOf(heap.Allocate(100, 8));
  auto* b = BytesOf(heap.Allocate(100, 8));
  ASSERT_EQ(a, source.base());
  // SAFETY (every free below): blocks of this heap, each freed once with its size.
  ASSERT_TRUE(heap.Deallocate(a, 100, 8).is_ok());
  auto* c = BytesOf(heap.Allocate(100, 8));
  EXPECT_GT(c, b) << "a freed block must not be reused while others live";
  ASSERT_TRUE(heap.Deallocate(b, 100, 8).is_ok());
  ASSERT_TRUE(heap.Deallocate(c, 100, 8).is_ok());
  EXPECT_EQ(heap.Allocate(100, 8), source.base());
}

TEST(BumpAllocatorTest, AlignsByPadding) {
  BufferRegionSource source(3, 8192, 8192);
  BumpAllocator heap;
  // SAFETY: the buffer outlives the allocator.
  heap.Init(source.base(), 8192, &source);
  EXPECT_EQ(heap.Allocate(1, 1), source.base());
  void* page = heap.Allocate(16, 4096);
  EXPECT_EQ(PaddingFor(BytesOf(page), 4096), 0U);
}

TEST(BumpAllocatorTest, GrowsThenFailsAtTheLimit) {
  BufferRegionSource source(0, 0, 8192);
  BumpAllocator heap;
  // SAFETY: the buffer outlives the allocator.
  heap.Init(source.base(), 0, &source);
  EXPECT_NE(heap.Allocate(5000, 16), nullptr);
  EXPECT_EQ(heap.Stats().grow_count, 1U);
  EXPECT_EQ(heap.Allocate(5000, 16), nullptr);
  EXPECT_EQ(source.refusals(), 1U);
}

TEST(BumpAllocatorTest, WithoutInitOrSourceItFails) {
  BumpAllocator uninitialised;
  EXPECT_EQ(uninitialised.Allocate(8, 8), nullptr);
  const BufferRegionSource source(0, 64, 64);
  BumpAllocator heap;
  // SAFETY: the buffer outlives the allocator.
  heap.Init(source.base(), 64, nullptr);
  EXPECT_NE(heap.Allocate(64, 1), nullptr);
  EXPECT_EQ(heap.Allocate(1, 1), nullptr);
}

TEST(BumpAllocatorTest, RefusesFreesItCannotHaveMade) {
  BufferRegionSource source(0, 4096, 4096);
  BumpAllocator heap;
  // SAFETY: the buffer outlives the allocator.
  heap.Init(source.base(), 4096, &source);
  void* block = heap.Allocate(64, 8);
  std::byte outside[64];
  // SAFETY (every free below): the right free of `block`, and misuse the allocator detects
  // and refuses.
  EXPECT_EQ(heap.Deallocate(outside, 64, 8).error(), FreeError::kOutsideHeap);
  EXPECT_EQ(heap.Deallocate(source.base() + 64, 8, 8).error(), FreeError::kOutsideHeap);
  ASSERT_TRUE(heap.Deallocate(block, 64, 8).is_ok());
  // The heap reset: the block now lies past the allocated part.
  EXPECT_EQ(heap.Deallocate(block, 64, 8).error(), FreeError::kOutsideHeap);
  EXPECT_TRUE(heap.Deallocate(nullptr, 64, 8).is_ok());
}

}  // namespace
}  // namespace libk::alloc
