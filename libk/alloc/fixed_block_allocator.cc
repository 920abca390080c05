#include "libk/alloc/fixed_block_allocator.h"

#include <cstddef>
#include <new>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/region.h"
#include "libk/panic/panic.h"
#include "libk/result/result.h"

namespace libk::alloc {

void FixedBlockAllocator::Init(std::byte* base, std::size_t size, RegionSource* source) {
  // SAFETY: the caller's obligations are the same as the fallback's.
  fallback_.Init(base, size, source);
}

void* FixedBlockAllocator::AllocateSlow(std::size_t size, std::size_t align, std::size_t index) {
  if (index == kLargeClass) return AllocateLarge(size, align);
  SizeClass& size_class = classes_[index];
  void* block = nullptr;
  if (size_class.cursor != size_class.limit) {
    block = size_class.cursor;
    size_class.cursor += kSizeClasses[index];
  } else {
    block = Refill(index);
    if (block == nullptr) return nullptr;
  }
  ++size_class.live;
  CountAllocation(size);
  return block;
}

void* FixedBlockAllocator::AllocateLarge(std::size_t size, std::size_t align) {
  void* block = fallback_.AllocateWithoutGrowing(size, align);
  if (block == nullptr && Trim() > 0) block = fallback_.AllocateWithoutGrowing(size, align);
  if (block == nullptr) block = fallback_.Allocate(size, align);
  if (block != nullptr) {
    ++large_live_;
    CountAllocation(size);
  }
  return block;
}

std::byte* FixedBlockAllocator::TakeChunk(std::size_t index, std::size_t blocks, bool grow) {
  // Chunks are aligned to their blocks' size.
  const std::size_t align = kSizeClasses[index];
  const std::size_t size = (blocks * align) + sizeof(ChunkTrailer);
  void* chunk =
      grow ? fallback_.Allocate(size, align) : fallback_.AllocateWithoutGrowing(size, align);
  return BytesOf(chunk);
}

void* FixedBlockAllocator::Refill(std::size_t index) {
  // A whole chunk if one fits, else a single block; then the same after trimming the
  // empty classes; only then grow the region.
  const std::size_t full = BlocksPerChunk(kSizeClasses[index]);
  std::size_t blocks = full;
  std::byte* chunk = nullptr;
  for (int attempt = 0; attempt < 3 && chunk == nullptr; ++attempt) {
    if (attempt == 1 && Trim() == 0) continue;
    const bool grow = attempt == 2;
    blocks = full;
    chunk = TakeChunk(index, blocks, grow);
    if (chunk == nullptr) {
      blocks = 1;
      chunk = TakeChunk(index, blocks, grow);
    }
  }
  if (chunk == nullptr) return nullptr;
  SizeClass& size_class = classes_[index];
  const std::size_t block_size = kSizeClasses[index];
  std::byte* blocks_end = chunk + (blocks * block_size);
  size_class.chunks = ::new (blocks_end) ChunkTrailer{size_class.chunks, blocks};
  size_class.cursor = chunk + block_size;
  size_class.limit = blocks_end;
  return chunk;
}

Result<void, FreeError> FixedBlockAllocator::DeallocateSlow(void* ptr, std::size_t size,
                                                            std::size_t align, std::size_t index) {
  if (ptr == nullptr) return Ok();
  if (index == kLargeClass) {
    // SAFETY: large blocks come from the fallback with this size and alignment (the
    // caller's obligation).
    LIBK_TRY(fallback_.Deallocate(ptr, size, align));
    --large_live_;
    bytes_in_use_ -= size;
    return Ok();
  }
  // One of the fast path's checks failed: say which.
  auto* block = BytesOf(ptr);
  const std::size_t block_size = kSizeClasses[index];
  if (!fallback_.Contains(block, block_size)) return Err(FreeError::kOutsideHeap);
  if (PaddingFor(block, block_size) != 0) return Err(FreeError::kMisaligned);
  if (classes_[index].live == 0) return Err(FreeError::kNothingAllocated);
  return Err(FreeError::kOverlapsFreeBlock);
}

std::size_t FixedBlockAllocator::Trim() {
  std::size_t released = 0;
  for (std::size_t index = 0; index < kSizeClassCount; ++index) {
    SizeClass& size_class = classes_[index];
    if (size_class.live != 0 || size_class.chunks == nullptr) continue;
    const std::size_t align = kSizeClasses[index];
    for (ChunkTrailer* trailer = size_class.chunks; trailer != nullptr;) {
      // Read the trailer before its chunk becomes a free block.
      ChunkTrailer* next = trailer->next;
      const std::size_t blocks_bytes = trailer->blocks * align;
      std::byte* chunk = BytesOf(trailer) - blocks_bytes;
      const std::size_t size = blocks_bytes + sizeof(ChunkTrailer);
      // SAFETY: TakeChunk took the chunk from the fallback with this size and alignment,
      // and no block of it is live.
      const Result<void, FreeError> freed = fallback_.Deallocate(chunk, size, align);
      LIBK_ASSERT(freed.is_ok(), "a chunk of {}-byte blocks was corrupted: {}", align,
                  FreeErrorName(freed.error()));
      released += size;
      trailer = next;
    }
    size_class = SizeClass{};
  }
  return released;
}

HeapStats FixedBlockAllocator::Stats() const {
  HeapStats stats = fallback_.Stats();
  stats.bytes_in_use = bytes_in_use_;
  stats.peak_bytes_in_use = peak_bytes_in_use_;
  stats.live_allocations = large_live_;
  stats.live_by_class[kLargeClass] = large_live_;
  for (std::size_t index = 0; index < kSizeClassCount; ++index) {
    stats.live_by_class[index] = classes_[index].live;
    stats.live_allocations += classes_[index].live;
    const SizeClass& size_class = classes_[index];
    const std::size_t block_size = kSizeClasses[index];
    const std::size_t ready =
        size_class.free_count +
        (static_cast<std::size_t>(size_class.limit - size_class.cursor) / block_size);
    stats.free_blocks_by_class[index] = ready;
    stats.free_bytes += ready * block_size;
  }
  return stats;
}

bool FixedBlockAllocator::InvariantsHold() const {
  if (!fallback_.InvariantsHold()) return false;
  // Each fallback block is a chunk of some class or a large block.
  std::size_t fallback_blocks = large_live_;
  for (std::size_t index = 0; index < kSizeClassCount; ++index) {
    const SizeClass& size_class = classes_[index];
    const std::size_t block_size = kSizeClasses[index];
    std::size_t length = 0;
    for (const FreeNode* node = size_class.free; node != nullptr; node = node->next) {
      if (++length > size_class.free_count || PaddingFor(BytesOf(node), block_size) != 0 ||
          !fallback_.Contains(BytesOf(node), block_size)) {
        return false;
      }
    }
    if (length != size_class.free_count || size_class.cursor > size_class.limit) return false;
    for (const ChunkTrailer* chunk = size_class.chunks; chunk != nullptr; chunk = chunk->next) {
      if (!fallback_.Contains(chunk, sizeof(ChunkTrailer))) return false;
      ++fallback_blocks;
    }
  }
  return fallback_blocks == fallback_.Stats().live_allocations;
}

}  // namespace libk::alloc
