// Each allocator's own laws for the heap model (heap_workload.h): when a request surely
// fits without growing, the invariants that hold after every step, and the state it is
// back in once every block is freed. Shared by the allocators' property tests and the heap
// fuzzer.
#pragma once

#include <cstddef>

#include "libk/alloc/bump_allocator.h"
#include "libk/alloc/fixed_block_allocator.h"
#include "libk/alloc/heap_stats.h"
#include "libk/alloc/linked_list_allocator.h"
#include "libk/alloc/region.h"
#include "libk/testing/model_check.h"

namespace libk::alloc::testing {

struct BumpPolicy {
  // The free tail holds any request with room for the worst alignment padding.
  static bool SurelyFits(const HeapStats& before, std::size_t size, std::size_t align) {
    return before.free_bytes >= (size == 0 ? 1 : size) + align - 1;
  }
  static bool InvariantsHold(const BumpAllocator& heap) {
    const HeapStats stats = heap.Stats();
    return stats.live_allocations != 0 || stats.free_bytes == stats.region_bytes;
  }
  static void CheckInitialState(BumpAllocator& heap) {
    const HeapStats stats = heap.Stats();
    LIBK_MODEL_CHECK(stats.bytes_in_use == 0U);
    LIBK_MODEL_CHECK(stats.free_bytes == stats.region_bytes);
  }
};

struct LinkedListPolicy {
  static constexpr std::size_t kGranule = LinkedListAllocator::kGranule;

  // A free block that starts on a granule holds the request wherever it starts once it has
  // room for the worst alignment padding.
  static bool SurelyFits(const HeapStats& before, std::size_t size, std::size_t align) {
    const std::size_t block = RoundUp(size == 0 ? 1 : size, kGranule);
    return before.largest_free_block >= block + (align > kGranule ? align - kGranule : 0);
  }
  static bool InvariantsHold(const LinkedListAllocator& heap) { return heap.InvariantsHold(); }
  static void CheckInitialState(LinkedListAllocator& heap) {
    const HeapStats stats = heap.Stats();
    LIBK_MODEL_CHECK(stats.bytes_in_use == 0U);
    // One block: everything but the base's alignment padding and the unusable tail.
    LIBK_MODEL_CHECK(heap.FreeBlockCount() <= 1U);
    LIBK_MODEL_CHECK(stats.largest_free_block == stats.free_bytes);
    LIBK_MODEL_CHECK(stats.region_bytes - stats.free_bytes < 2 * kGranule);
  }
};

struct FixedBlockPolicy {
  static constexpr std::size_t kGranule = LinkedListAllocator::kGranule;

  // The bytes a fallback block needs to hold `size` at `align` wherever it starts.
  static constexpr std::size_t WorstCase(std::size_t size, std::size_t align) {
    return RoundUp(size, kGranule) + (align > kGranule ? align - kGranule : 0);
  }
  // A class request fits when its class has a block ready or the fallback has room for a
  // one-block chunk (block and trailer); a large one when the fallback has room for it.
  static bool SurelyFits(const HeapStats& before, std::size_t size, std::size_t align) {
    if (size == 0) size = 1;
    const std::size_t index = SizeClassOf(size, align);
    if (index == kLargeClass) return before.largest_free_block >= WorstCase(size, align);
    const std::size_t block = kSizeClasses[index];
    return before.free_blocks_by_class[index] > 0 ||
           before.largest_free_block >= WorstCase(block + 16, block);
  }
  static bool InvariantsHold(const FixedBlockAllocator& heap) { return heap.InvariantsHold(); }
  static void CheckInitialState(FixedBlockAllocator& heap) {
    LIBK_MODEL_CHECK(heap.Stats().bytes_in_use == 0U);
    heap.Trim();
    const HeapStats stats = heap.Stats();
    for (const std::size_t ready : stats.free_blocks_by_class) LIBK_MODEL_CHECK(ready == 0U);
    LIBK_MODEL_CHECK(heap.fallback().FreeBlockCount() <= 1U);
    LIBK_MODEL_CHECK(stats.largest_free_block == stats.free_bytes);
    LIBK_MODEL_CHECK(stats.region_bytes - stats.free_bytes < 2 * kGranule);
  }
};

}  // namespace libk::alloc::testing
