// The linked-list allocator: free memory is a list of blocks sorted by address, each
// holding its size and the next block in its first 16 bytes. Allocation takes the first
// block that fits (first fit), splitting off what is left in front (for alignment) and
// behind; freeing puts the block back in address order and merges it with both
// neighbours, so freeing everything leaves one block. Reuses memory fully, but each
// operation walks the list.
#pragma once

#include <cstddef>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/region.h"
#include "libk/result/result.h"

namespace libk::alloc {

// Invariants: free blocks lie in [begin_, usable_end_), are sorted by address, neither
// overlap nor touch (touching blocks are merged), start at multiples of kGranule and have
// sizes that are non-zero multiples of kGranule; free_bytes_ is the sum of their sizes.
// Every allocated block is a multiple of kGranule too, so splitting never leaves a
// fragment too small to hold a free block's header.
class LinkedListAllocator {
 public:
  // The unit of every block: the size of a free block's header.
  static constexpr std::size_t kGranule = 16;

  // An allocator with no region; every Allocate fails until Init.
  constexpr LinkedListAllocator() = default;

  // Starts managing the `size` bytes at `base` (the part aligned to kGranule), growing
  // through `source` (if not null). Call once.
  // Safety: as BumpAllocator::Init.
  void Init(std::byte* base, std::size_t size, RegionSource* source);

  // Returns `size` bytes aligned to `align` (a power of two), growing the region if no
  // free block fits; null when it cannot. A zero size is served as one byte.
  [[nodiscard]] void* Allocate(std::size_t size, std::size_t align);

  // As Allocate, but never grows the region: null when no free block fits.
  [[nodiscard]] void* AllocateWithoutGrowing(std::size_t size, std::size_t align);

  // Returns a block from Allocate to the free list, merging it with its neighbours.
  // Returns kOutsideHeap or kMisaligned for a block this allocator cannot have returned
  // and kOverlapsFreeBlock for one that overlaps free memory; a null `ptr` is ignored.
  // Safety: a non-null `ptr` must come from this allocator's Allocate(size, align) (with
  // the same size) and not have been freed. A block that overlaps free memory is caught;
  // a size smaller than allocated leaks the rest, a larger one frees a neighbour.
  Result<void, FreeError> Deallocate(void* ptr, std::size_t size, std::size_t align);

  // Returns the allocator's statistics (walks the free list for the largest block).
  HeapStats Stats() const;

  // Returns whether the `size` bytes at `ptr` lie inside the managed part of the region.
  bool Contains(const void* ptr, std::size_t size) const {
    const auto* start = BytesOf(ptr);
    return start >= usable_begin_ && start < usable_end_ &&
           static_cast<std::size_t>(usable_end_ - start) >= size;
  }

  // Returns the number of free blocks: 1 for an unfragmented heap.
  std::size_t FreeBlockCount() const;

  // Returns whether the invariants above hold (walks the list; for tests).
  [[nodiscard]] bool InvariantsHold() const;

  bool initialized() const { return begin_ != nullptr; }

 private:
  struct FreeBlock {
    std::size_t size;
    FreeBlock* next;
  };
  static_assert(sizeof(FreeBlock) == kGranule);

  // Takes a fitting block from the free list; null if none fits.
  void* TakeFirstFit(std::size_t size, std::size_t align);
  // Puts [start, start + size) on the free list, merging with its neighbours. Returns
  // kOverlapsFreeBlock (and changes nothing) if it overlaps a free block.
  Result<void, FreeError> Insert(std::byte* start, std::size_t size);
  // Returns the end of the whole granules of the region.
  std::byte* UsableEnd() const;
  // Grows the region until a block of `size` bytes at `align` fits; returns whether it did.
  bool Grow(std::size_t size, std::size_t align);

  FreeBlock* head_ = nullptr;
  std::byte* begin_ = nullptr;         // The base given to Init.
  std::byte* usable_begin_ = nullptr;  // begin_ aligned up to kGranule (maybe past end_).
  std::byte* end_ = nullptr;           // The end of the region.
  std::byte* usable_end_ = nullptr;    // end_ aligned down to kGranule.
  std::size_t free_bytes_ = 0;
  RegionSource* source_ = nullptr;
  internal::UsageCounters counters_;
};

}  // namespace libk::alloc
