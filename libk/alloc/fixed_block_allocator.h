// The fixed-size block allocator: one free list per size class (8 B to 2 KiB), so a small
// allocation or free is a pointer pop or push, O(1). Blocks of a class are carved, as
// needed, from chunks that a linked-list allocator (the fallback) provides; that fallback
// also serves requests larger or more aligned than every class. A class whose blocks are
// all free can give its chunks back (Trim), which the allocator does before it grows.
#pragma once

#include <cstddef>
#include <new>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/linked_list_allocator.h"
#include "libk/alloc/region.h"
#include "libk/panic/panic.h"
#include "libk/result/result.h"

namespace libk::alloc {

// Invariants, per class of block size B: every block of the class lies in one of its
// chunks, starts at a multiple of B, and is either live, on the class's free list, or in
// [cursor, limit) of the chunk being carved; free_count is the length of the free list;
// a chunk is `blocks * B` bytes of blocks followed by its ChunkTrailer.
class FixedBlockAllocator {
 public:
  // Blocks carved from one chunk of the fallback: about 4 KiB, and at least 4 blocks.
  static constexpr std::size_t BlocksPerChunk(std::size_t block_size) {
    return block_size >= 1024 ? 4 : 4096 / block_size;
  }

  // An allocator with no region; every Allocate fails until Init.
  constexpr FixedBlockAllocator() = default;

  // Starts managing the `size` bytes at `base` (through the fallback), growing through
  // `source` (if not null). Call once.
  // Safety: as BumpAllocator::Init.
  void Init(std::byte* base, std::size_t size, RegionSource* source);

  // Returns `size` bytes aligned to `align` (a power of two): a block of the smallest
  // class that holds max(size, align), or from the fallback if no class does. Null when
  // the region cannot grow enough. A zero size is served as one byte. Inline: the common
  // case is a pop from a free list.
  [[nodiscard]] void* Allocate(std::size_t size, std::size_t align) {
    LIBK_ASSERT(IsPowerOfTwo(align), "alignment {} is not a power of two", align);
    if (size == 0) size = 1;
    const std::size_t index = SizeClassOf(size, align);
    if (index != kLargeClass) [[likely]] {
      SizeClass& size_class = classes_[index];
      if (FreeNode* node = size_class.free; node != nullptr) [[likely]] {
        size_class.free = node->next;
        --size_class.free_count;
        ++size_class.live;
        CountAllocation(size);
        return node;
      }
    }
    return AllocateSlow(size, align, index);
  }

  // Returns a block from Allocate to its class's free list (or to the fallback). Returns
  // kOutsideHeap or kMisaligned for a block this allocator cannot have returned, and
  // kOverlapsFreeBlock or kNothingAllocated for the double frees it can see (the block at
  // the head of its free list; a class with no live block; the fallback's checks).
  // Safety: a non-null `ptr` must come from this allocator's Allocate(size, align) with
  // the same size and alignment (they pick the class), and not have been freed.
  Result<void, FreeError> Deallocate(void* ptr, std::size_t size, std::size_t align) {
    if (size == 0) size = 1;
    const std::size_t index = SizeClassOf(size, align);
    if (ptr != nullptr && index != kLargeClass) [[likely]] {
      auto* block = BytesOf(ptr);
      SizeClass& size_class = classes_[index];
      const std::size_t block_size = kSizeClasses[index];
      if (fallback_.Contains(block, block_size) && PaddingFor(block, block_size) == 0 &&
          size_class.live != 0 && block != BytesOf(size_class.free)) [[likely]] {
        size_class.free = ::new (block) FreeNode{size_class.free};
        ++size_class.free_count;
        --size_class.live;
        bytes_in_use_ -= size;
        return Ok();
      }
    }
    return DeallocateSlow(ptr, size, align, index);
  }

  // Gives every chunk of each class with no live block back to the fallback, where it
  // merges with its neighbours; returns the bytes given back. Allocate does this itself
  // before it grows the region.
  std::size_t Trim();

  // Returns the statistics: usage as requested by callers; region, free bytes (including
  // blocks waiting in the classes) and largest free block from the fallback.
  HeapStats Stats() const;

  // Returns the linked-list allocator beneath (for tests and fragmentation reports).
  const LinkedListAllocator& fallback() const { return fallback_; }

  // Returns whether the invariants above hold, and the fallback's (for tests).
  [[nodiscard]] bool InvariantsHold() const;

  bool initialized() const { return fallback_.initialized(); }

 private:
  struct FreeNode {
    FreeNode* next;
  };
  struct ChunkTrailer {
    ChunkTrailer* next;
    std::size_t blocks;
  };
  struct SizeClass {
    FreeNode* free = nullptr;
    std::size_t free_count = 0;
    std::byte* cursor = nullptr;  // The next block to carve from the newest chunk.
    std::byte* limit = nullptr;   // The end of the newest chunk's blocks.
    ChunkTrailer* chunks = nullptr;
    std::size_t live = 0;
  };

  void CountAllocation(std::size_t size) {
    bytes_in_use_ += size;
    if (bytes_in_use_ > peak_bytes_in_use_) peak_bytes_in_use_ = bytes_in_use_;
  }
  // Allocate without a free block at hand: carve, refill, or ask the fallback.
  void* AllocateSlow(std::size_t size, std::size_t align, std::size_t index);
  // Deallocate of a large block, or of one that fails a check (`size` is not 0).
  Result<void, FreeError> DeallocateSlow(void* ptr, std::size_t size, std::size_t align,
                                         std::size_t index);
  // Takes a new chunk for class `index` and returns its first block; null if none.
  void* Refill(std::size_t index);
  // Takes a chunk of `blocks` blocks of class `index` from the fallback; grows only if
  // `grow`. Returns the chunk, or null.
  std::byte* TakeChunk(std::size_t index, std::size_t blocks, bool grow);
  void* AllocateLarge(std::size_t size, std::size_t align);

  LinkedListAllocator fallback_;
  SizeClass classes_[kSizeClassCount];
  // Usage as callers requested it (the fallback counts chunks and large blocks).
  std::size_t bytes_in_use_ = 0;
  std::size_t peak_bytes_in_use_ = 0;
  std::size_t large_live_ = 0;
};

}  // namespace libk::alloc
