// LockedAllocator: the panics it reports (after releasing its lock), and each allocator
// shared by threads that allocate and free at the same time (run with --config=tsan).
#include "libk/alloc/locked_allocator.h"

#include <cstddef>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "libk/alloc/bump_allocator.h"
#include "libk/alloc/fixed_block_allocator.h"
#include "libk/alloc/heap_stats.h"
#include "libk/alloc/linked_list_allocator.h"
#include "libk/alloc/region.h"
#include "libk/alloc/testing/buffer_region_source.h"
#include "libk/sync/testing/run_concurrently.h"

namespace libk::alloc {
namespace {

using testing::BufferRegionSource;
constexpr std::size_t kKiB = 1024;

// A global, as the kernel's heap will be.
constinit LockedAllocator<FixedBlockAllocator> global_heap;

TEST(LockedAllocatorDeathTest, OutOfMemoryPanicsWithTheRequestAndTheHeap) {
  EXPECT_DEATH(
      {
        BufferRegionSource source(0, 64 * kKiB, 64 * kKiB);
        LockedAllocator<LinkedListAllocator> heap;
        // SAFETY: the buffer outlives the allocator.
        heap.Init(source.base(), 64 * kKiB, &source);
        (void)heap.AllocateOrPanic(61 * kKiB, 16);
        (void)heap.AllocateOrPanic(4096, 16);
      },
      "out of memory: 4096 bytes, align 16 \\(heap 64 KiB, 61 KiB used\\)");
}

TEST(LockedAllocatorDeathTest, UseBeforeInitPanics) {
  LockedAllocator<BumpAllocator> heap;
  EXPECT_EQ(heap.Allocate(8, 8), nullptr);
  EXPECT_DEATH((void)heap.AllocateOrPanic(8, 8),
               "heap used before it was initialised: 8 bytes, align 8");
}

TEST(LockedAllocatorDeathTest, BadFreePanicsWithTheReason) {
  BufferRegionSource source(0, 4096, 4096);
  LockedAllocator<LinkedListAllocator> heap;
  // SAFETY: the buffer outlives the allocator.
  heap.Init(source.base(), 4096, &source);
  void* block = heap.Allocate(64, 16);
  // SAFETY: the first free is right; the second is the misuse under test, which the linked
  // list detects.
  heap.Deallocate(block, 64, 16);
  EXPECT_DEATH(heap.Deallocate(block, 64, 16),
               "bad free of 64 bytes, align 16 at 0x[0-9a-f]+: block overlaps free memory");
  EXPECT_DEATH(heap.Init(source.base(), 4096, &source), "the heap was initialised twice");
}

// Threads allocate blocks of many sizes, write them, free them in a different order.
template <typename A>
void Hammer(LockedAllocator<A>& heap) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 200;
  libk::testing::RunConcurrently(kThreads, [&](int thread) {
    const auto mark = static_cast<std::byte>(thread);
    std::vector<std::pair<std::byte*, std::size_t>> blocks;
    for (int round = 0; round < kRounds; ++round) {
      const std::size_t size = 1 + static_cast<std::size_t>((round * 37 + thread * 11) % 3000);
      std::byte* block = BytesOf(heap.AllocateOrPanic(size, 16));
      for (std::size_t i = 0; i < size; ++i) block[i] = mark;
      blocks.emplace_back(block, size);
      if (round % 3 == 2) {
        for (auto& [old, old_size] : blocks) {
          for (std::size_t i = 0; i < old_size; ++i) ASSERT_EQ(old[i], mark);
          // SAFETY: this thread's block, freed once with its size.
          heap.Deallocate(old, old_size, 16);
        }
        blocks.clear();
      }
    }
    // SAFETY: this thread's blocks, each freed once with its size.
    for (auto& [old, old_size] : blocks) heap.Deallocate(old, old_size, 16);
  });
  EXPECT_EQ(heap.Stats().live_allocations, 0U);
  EXPECT_EQ(heap.Stats().bytes_in_use, 0U);
}

TEST(LockedAllocatorTest, ThreadsShareTheGlobalFixedBlockHeap) {
  static BufferRegionSource source(0, 64 * kKiB, 16 << 20);
  // SAFETY: the buffer lives until exit, as the global heap does.
  global_heap.Init(source.base(), 64 * kKiB, &source);
  Hammer(global_heap);
}

TEST(LockedAllocatorTest, ThreadsShareALinkedListHeap) {
  BufferRegionSource source(0, 64 * kKiB, 16 << 20);
  LockedAllocator<LinkedListAllocator> heap;
  // SAFETY: the buffer outlives the allocator.
  heap.Init(source.base(), 64 * kKiB, &source);
  Hammer(heap);
}

TEST(LockedAllocatorTest, ThreadsShareABumpHeap) {
  BufferRegionSource source(0, 64 * kKiB, 16 << 20);
  LockedAllocator<BumpAllocator> heap;
  // SAFETY: the buffer outlives the allocator.
  heap.Init(source.base(), 64 * kKiB, &source);
  Hammer(heap);
}

}  // namespace
}  // namespace libk::alloc
