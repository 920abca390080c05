#include "libk/alloc/linked_list_allocator.h"

#include <cstddef>
#include <new>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/region.h"
#include "libk/panic/panic.h"
#include "libk/result/result.h"

namespace libk::alloc {
namespace {

constexpr std::size_t kGranule = LinkedListAllocator::kGranule;

// Returns the bytes a request of `size` occupies: at least one, in whole granules.
constexpr std::size_t BlockSize(std::size_t size) {
  return RoundUp(size == 0 ? 1 : size, kGranule);
}

// Returns the alignment a request gets: every block starts on a granule.
constexpr std::size_t BlockAlign(std::size_t align) { return align < kGranule ? kGranule : align; }

// Returns the size the statistics count for a request (a zero size is served as one byte).
constexpr std::size_t CountedSize(std::size_t size) { return size == 0 ? 1 : size; }

}  // namespace

void LinkedListAllocator::Init(std::byte* base, std::size_t size, RegionSource* source) {
  LIBK_ASSERT(begin_ == nullptr, "LinkedListAllocator initialised twice");
  LIBK_ASSERT(base != nullptr, "LinkedListAllocator needs a region");
  begin_ = base;
  end_ = base + size;
  // Blocks start at the first granule even when the region does not reach it yet.
  usable_begin_ = base + PaddingFor(base, kGranule);
  usable_end_ = UsableEnd();
  source_ = source;
  if (usable_end_ != usable_begin_) {
    const Result<void, FreeError> inserted =
        Insert(usable_begin_, static_cast<std::size_t>(usable_end_ - usable_begin_));
    LIBK_ASSERT(inserted.is_ok(), "the first free block cannot overlap anything");
  }
}

void* LinkedListAllocator::Allocate(std::size_t size, std::size_t align) {
  void* block = AllocateWithoutGrowing(size, align);
  if (block != nullptr || size > kMaxRequest || align > kMaxRequest || begin_ == nullptr) {
    return block;
  }
  if (!Grow(BlockSize(size), BlockAlign(align))) return nullptr;
  block = TakeFirstFit(BlockSize(size), BlockAlign(align));
  LIBK_ASSERT(block != nullptr, "the heap grew for {} bytes at {} but they do not fit", size,
              align);
  counters_.OnAllocate(CountedSize(size), SizeClassOf(CountedSize(size), align));
  return block;
}

void* LinkedListAllocator::AllocateWithoutGrowing(std::size_t size, std::size_t align) {
  LIBK_ASSERT(IsPowerOfTwo(align), "alignment {} is not a power of two", align);
  if (size > kMaxRequest || align > kMaxRequest) return nullptr;
  void* block = TakeFirstFit(BlockSize(size), BlockAlign(align));
  if (block != nullptr) {
    counters_.OnAllocate(CountedSize(size), SizeClassOf(CountedSize(size), align));
  }
  return block;
}

void* LinkedListAllocator::TakeFirstFit(std::size_t size, std::size_t align) {
  FreeBlock* prev = nullptr;
  for (FreeBlock* block = head_; block != nullptr; prev = block, block = block->next) {
    std::byte* start = BytesOf(block);
    const std::size_t front = PaddingFor(start, align);
    if (front > block->size || block->size - front < size) continue;
    // Both remainders are multiples of kGranule, so each is empty or holds a header.
    const std::size_t back = block->size - front - size;
    std::byte* taken = start + front;
    FreeBlock* after = block->next;
    if (back > 0) after = ::new (taken + size) FreeBlock{back, after};
    if (front > 0) {
      block->size = front;
      block->next = after;
    } else if (prev != nullptr) {
      prev->next = after;
    } else {
      head_ = after;
    }
    free_bytes_ -= size;
    return taken;
  }
  return nullptr;
}

Result<void, FreeError> LinkedListAllocator::Deallocate(void* ptr, std::size_t size,
                                                        std::size_t align) {
  if (ptr == nullptr) return Ok();
  auto* start = BytesOf(ptr);
  if (size > kMaxRequest || !Contains(start, BlockSize(size))) return Err(FreeError::kOutsideHeap);
  if (PaddingFor(start, BlockAlign(align)) != 0) return Err(FreeError::kMisaligned);
  LIBK_TRY(Insert(start, BlockSize(size)));
  counters_.OnFree(CountedSize(size), SizeClassOf(CountedSize(size), align));
  return Ok();
}

Result<void, FreeError> LinkedListAllocator::Insert(std::byte* start, std::size_t size) {
  FreeBlock* prev = nullptr;
  FreeBlock* next = head_;
  while (next != nullptr && BytesOf(next) < start) {
    prev = next;
    next = next->next;
  }
  const bool overlaps_prev = prev != nullptr && BytesOf(prev) + prev->size > start;
  const bool overlaps_next = next != nullptr && start + size > BytesOf(next);
  if (overlaps_prev || overlaps_next) return Err(FreeError::kOverlapsFreeBlock);
  const bool merge_next = next != nullptr && start + size == BytesOf(next);
  if (prev != nullptr && BytesOf(prev) + prev->size == start) {
    prev->size += size;
    if (merge_next) {
      prev->size += next->size;
      prev->next = next->next;
    }
  } else {
    FreeBlock* block = merge_next ? ::new (start) FreeBlock{size + next->size, next->next}
                                  : ::new (start) FreeBlock{size, next};
    if (prev != nullptr) {
      prev->next = block;
    } else {
      head_ = block;
    }
  }
  free_bytes_ += size;
  return Ok();
}

bool LinkedListAllocator::Grow(std::size_t size, std::size_t align) {
  if (source_ == nullptr) return false;
  // A block of size + align - kGranule bytes that starts on a granule holds an aligned
  // block of `size` wherever it starts.
  const std::size_t want = size + align - kGranule;
  for (;;) {
    FreeBlock* tail = head_;
    while (tail != nullptr && tail->next != nullptr) tail = tail->next;
    const std::size_t tail_size =
        tail != nullptr && BytesOf(tail) + tail->size == usable_end_ ? tail->size : 0;
    if (tail_size >= want) return true;
    Result<std::size_t> grown = source_->Grow(end_, want - tail_size);
    if (grown.is_error() || grown.value() == 0) return false;
    end_ += grown.value();
    ++counters_.grow_count;
    std::byte* old_usable_end = usable_end_;
    usable_end_ = UsableEnd();
    if (usable_end_ != old_usable_end) {
      const Result<void, FreeError> inserted =
          Insert(old_usable_end, static_cast<std::size_t>(usable_end_ - old_usable_end));
      LIBK_ASSERT(inserted.is_ok(), "new heap memory overlaps the free list");
    }
  }
}

std::byte* LinkedListAllocator::UsableEnd() const {
  const auto region = static_cast<std::size_t>(end_ - begin_);
  const auto padding = static_cast<std::size_t>(usable_begin_ - begin_);
  return usable_begin_ + (region > padding ? RoundDown(region - padding, kGranule) : 0);
}

HeapStats LinkedListAllocator::Stats() const {
  HeapStats stats;
  counters_.FillIn(stats);
  stats.region_bytes = static_cast<std::size_t>(end_ - begin_);
  stats.free_bytes = free_bytes_;
  for (const FreeBlock* block = head_; block != nullptr; block = block->next) {
    if (block->size > stats.largest_free_block) stats.largest_free_block = block->size;
  }
  return stats;
}

std::size_t LinkedListAllocator::FreeBlockCount() const {
  std::size_t count = 0;
  for (const FreeBlock* block = head_; block != nullptr; block = block->next) ++count;
  return count;
}

bool LinkedListAllocator::InvariantsHold() const {
  // A corrupted list may loop: there cannot be more blocks than granules.
  std::size_t budget = static_cast<std::size_t>(usable_end_ - usable_begin_) / kGranule;
  std::size_t total = 0;
  const std::byte* previous_end = nullptr;
  for (const FreeBlock* block = head_; block != nullptr; block = block->next) {
    const std::byte* start = BytesOf(block);
    // Check where the block is before reading it.
    if (budget-- == 0 || start < usable_begin_ || start >= usable_end_ ||
        PaddingFor(start, kGranule) != 0) {
      return false;
    }
    if (block->size == 0 || block->size % kGranule != 0 ||
        static_cast<std::size_t>(usable_end_ - start) < block->size) {
      return false;
    }
    // Sorted, not overlapping, and not touching (touching blocks must have merged).
    if (previous_end != nullptr && start <= previous_end) return false;
    previous_end = start + block->size;
    total += block->size;
  }
  return total == free_bytes_;
}

}  // namespace libk::alloc
