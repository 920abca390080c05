// The bump allocator: hands out memory by moving a pointer forward and frees nothing until
// every allocation is freed, then starts over. The fastest and simplest design, and the
// one that wastes the most: long-lived allocations pin everything allocated after them.
#pragma once

#include <cstddef>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/region.h"
#include "libk/result/result.h"

namespace libk::alloc {

// Invariants: begin_ <= next_ <= end_; [begin_, next_) holds the live allocations (and the
// gaps between them), [next_, end_) is free; live_ == 0 implies next_ == begin_.
class BumpAllocator {
 public:
  // An allocator with no region: every Allocate fails until Init. constexpr, so that a
  // global allocator needs no constructor at run time.
  constexpr BumpAllocator() = default;

  // Starts managing the `size` bytes at `base`, growing through `source` (if not null)
  // when they run out. Call once.
  // Safety: [base, base + size) must be writable memory that nothing else uses for as long
  // as the allocator (or a block it handed out) is in use; `source`, if given, must
  // outlive the allocator and satisfy RegionSource's contract.
  void Init(std::byte* base, std::size_t size, RegionSource* source);

  // Returns `size` bytes aligned to `align` (a power of two), or null when neither the
  // region nor the source has room. A zero size is served as one byte.
  [[nodiscard]] void* Allocate(std::size_t size, std::size_t align);

  // Frees a block from Allocate; the memory is reused only once every block is freed.
  // Returns FreeError::kOutsideHeap for a block outside the allocated part of the region
  // (which, once everything is freed, is all of it); a null `ptr` is ignored.
  // Safety: a non-null `ptr` must come from this allocator's Allocate(size, align) and not
  // have been freed (most violations are caught, not all: a second free of a block while
  // others live is counted as another block's free).
  Result<void, FreeError> Deallocate(void* ptr, std::size_t size, std::size_t align);

  // Returns the allocator's statistics.
  HeapStats Stats() const;

  // Returns whether Init has run.
  bool initialized() const { return begin_ != nullptr; }

 private:
  // Asks the source until `want` bytes lie free past next_; returns whether they do.
  bool Grow(std::size_t want);

  std::byte* begin_ = nullptr;
  std::byte* next_ = nullptr;
  std::byte* end_ = nullptr;
  RegionSource* source_ = nullptr;
  internal::UsageCounters counters_;
};

}  // namespace libk::alloc
