#include "libk/alloc/bump_allocator.h"

#include <cstddef>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/region.h"
#include "libk/panic/panic.h"
#include "libk/result/result.h"

namespace libk::alloc {

void BumpAllocator::Init(std::byte* base, std::size_t size, RegionSource* source) {
  LIBK_ASSERT(begin_ == nullptr, "BumpAllocator initialised twice");
  LIBK_ASSERT(base != nullptr, "BumpAllocator needs a region");
  begin_ = base;
  next_ = base;
  end_ = base + size;
  source_ = source;
}

void* BumpAllocator::Allocate(std::size_t size, std::size_t align) {
  LIBK_ASSERT(IsPowerOfTwo(align), "alignment {} is not a power of two", align);
  if (size > kMaxRequest || align > kMaxRequest || begin_ == nullptr) return nullptr;
  if (size == 0) size = 1;
  const std::size_t padding = PaddingFor(next_, align);
  const std::size_t want = padding + size;
  if (static_cast<std::size_t>(end_ - next_) < want && !Grow(want)) return nullptr;
  std::byte* block = next_ + padding;
  next_ = block + size;
  counters_.OnAllocate(size, SizeClassOf(size, align));
  return block;
}

Result<void, FreeError> BumpAllocator::Deallocate(void* ptr, std::size_t size, std::size_t align) {
  if (ptr == nullptr) return Ok();
  if (size == 0) size = 1;
  auto* block = BytesOf(ptr);
  if (block < begin_ || block >= next_ || static_cast<std::size_t>(next_ - block) < size) {
    return Err(FreeError::kOutsideHeap);
  }
  counters_.OnFree(size, SizeClassOf(size, align));
  if (counters_.live_allocations == 0) next_ = begin_;
  return Ok();
}

bool BumpAllocator::Grow(std::size_t want) {
  if (source_ == nullptr) return false;
  while (static_cast<std::size_t>(end_ - next_) < want) {
    const std::size_t missing = want - static_cast<std::size_t>(end_ - next_);
    Result<std::size_t> grown = source_->Grow(end_, missing);
    if (grown.is_error() || grown.value() == 0) return false;
    end_ += grown.value();
    ++counters_.grow_count;
  }
  return true;
}

HeapStats BumpAllocator::Stats() const {
  HeapStats stats;
  counters_.FillIn(stats);
  stats.region_bytes = static_cast<std::size_t>(end_ - begin_);
  stats.free_bytes = static_cast<std::size_t>(end_ - next_);
  stats.largest_free_block = stats.free_bytes;
  return stats;
}

}  // namespace libk::alloc
