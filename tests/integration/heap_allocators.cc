// heap_allocators: the three allocators, built freestanding, run in the kernel over a
// static byte array that stands in for the heap region (the kernel heap proper, mapped
// from frames, comes with the memory manager). blog_os's heap tests for each design
// (simple_allocation, large_vec, many_boxes, many_boxes_long_lived, which the bump
// allocator fails with the out-of-memory line), plus growth past the initial size and
// allocation failure at the limit that the caller survives.
#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>

#include "libk/alloc/bump_allocator.h"
#include "libk/alloc/fixed_block_allocator.h"
#include "libk/alloc/heap_stats.h"
#include "libk/alloc/linked_list_allocator.h"
#include "libk/alloc/locked_allocator.h"
#include "libk/alloc/region.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/result.h"

#include "kernel/console/print.h"
#include "kernel/testing/ktest.h"

namespace {

using libk::alloc::BumpAllocator;
using libk::alloc::FixedBlockAllocator;
using libk::alloc::HeapStats;
using libk::alloc::LinkedListAllocator;
using libk::alloc::LockedAllocator;

constexpr std::size_t kArenaBytes = std::size_t{256} << 10;
constexpr std::size_t kInitialBytes = std::size_t{16} << 10;
constexpr std::size_t kPage = 4096;

alignas(kPage) std::byte arena[kArenaBytes];

// Hands out the arena a page at a time, as the kernel heap will map frames.
class ArenaSource final : public libk::alloc::RegionSource {
 public:
  libk::Result<std::size_t> Grow(std::byte* end, std::size_t min_bytes) override {
    LIBK_ASSERT(end == arena + committed_, "the heap grew from somewhere else than its end");
    const std::size_t room = kArenaBytes - committed_;
    if (min_bytes > room) return libk::Err(libk::Error::kOutOfMemory);
    const std::size_t pages = libk::alloc::RoundUp(min_bytes, kPage);
    const std::size_t bytes = pages < room ? pages : room;
    committed_ += bytes;
    return bytes;
  }

 private:
  std::size_t committed_ = kInitialBytes;
};

// A fresh heap of design A over the arena, 16 KiB to start with, 256 KiB at most.
template <typename A>
class ArenaHeap {
 public:
  ArenaHeap() {
    // SAFETY: the arena is used by one ArenaHeap at a time (tests run one after another),
    // and the source lives as long as the heap.
    heap_.Init(arena, kInitialBytes, &source_);
  }
  ArenaHeap(const ArenaHeap&) = delete;
  ArenaHeap& operator=(const ArenaHeap&) = delete;
  ~ArenaHeap() = default;

  // Returns `count` T's in a fresh block (T is trivial: no code runs to make them).
  template <typename T>
  T* New(std::size_t count = 1) {
    static_assert(std::is_trivially_default_constructible_v<T> &&
                  std::is_trivially_destructible_v<T>);
    // The non-allocating placement new[] asks for no array cookie, so the T's fill
    // exactly the block; it gives them a type without a pointer cast.
    return ::new (heap_.AllocateOrPanic(sizeof(T) * count, alignof(T))) T[count];
  }
  // Frees what New<T>(count) returned.
  // Safety: `object` must come from New<T>(count) on this heap and not have been freed.
  template <typename T>
  void Delete(T* object, std::size_t count = 1) {
    // SAFETY: the caller's obligation.
    heap_.Deallocate(object, sizeof(T) * count, alignof(T));
  }
  LockedAllocator<A>& locked() { return heap_; }
  HeapStats Stats() { return heap_.Stats(); }

 private:
  ArenaSource source_;
  LockedAllocator<A> heap_;
};

template <typename A>
void SimpleAllocation() {
  ArenaHeap<A> heap;
  auto* a = heap.template New<std::uint64_t>();
  auto* b = heap.template New<std::uint64_t>();
  *a = 41;
  *b = 13;
  LIBK_ASSERT(*a == 41 && *b == 13);
  // SAFETY (both): blocks from New, each freed once.
  heap.Delete(a);
  heap.Delete(b);
  LIBK_ASSERT(heap.Stats().bytes_in_use == 0);
}

template <typename A>
void LargeVec() {
  ArenaHeap<A> heap;
  constexpr std::size_t kCount = 1000;
  auto* values = heap.template New<std::uint64_t>(kCount);
  for (std::size_t i = 0; i < kCount; ++i) values[i] = i;
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < kCount; ++i) sum += values[i];
  LIBK_ASSERT(sum == (kCount - 1) * kCount / 2, "sum {}", sum);
  // SAFETY: from New<std::uint64_t>(kCount), freed once.
  heap.Delete(values, kCount);
}

// A 64-byte object: 10,000 of them are 625 KiB, more than the 256 KiB heap.
struct Box {
  std::uint64_t words[8];
};

// 10,000 boxes, each freed before the next: far more than the heap holds at once.
template <typename A>
void ManyBoxes() {
  ArenaHeap<A> heap;
  for (std::uint64_t i = 0; i < 10000; ++i) {
    Box* box = heap.template New<Box>();
    box->words[7] = i;
    LIBK_ASSERT(box->words[7] == i);
    // SAFETY: from New<Box>(), freed once.
    heap.Delete(box);
  }
}

// The same while one box lives throughout: the bump allocator never frees again.
template <typename A>
void ManyBoxesLongLived() {
  ArenaHeap<A> heap;
  Box* long_lived = heap.template New<Box>();
  long_lived->words[0] = 1;
  for (std::uint64_t i = 0; i < 10000; ++i) {
    Box* box = heap.template New<Box>();
    box->words[7] = i;
    // SAFETY: from New<Box>(), freed once.
    heap.Delete(box);
  }
  LIBK_ASSERT(long_lived->words[0] == 1);
  // SAFETY: from New<Box>(), freed once.
  heap.Delete(long_lived);
}

// The region starts at 16 KiB and grows, a page at a time, as blocks need it.
template <typename A>
void GrowsPastItsInitialSize(const char* name) {
  ArenaHeap<A> heap;
  constexpr std::size_t kBlocks = 12;
  std::byte* blocks[kBlocks];
  for (std::byte*& block : blocks) block = heap.template New<std::byte>(4000);
  const HeapStats stats = heap.Stats();
  LIBK_ASSERT(stats.region_bytes > kInitialBytes, "{}", stats);
  LIBK_ASSERT(stats.grow_count > 0, "{}", stats);
  kernel::kprintln("heap_allocators: {}: {}", name, stats);
  // SAFETY: each from New<std::byte>(4000), freed once.
  for (std::byte* block : blocks) heap.Delete(block, 4000);
}

// Allocation fails (null, as from nothrow new) at the limit; the kernel goes on, and after
// freeing, allocation works again.
template <typename A>
void FailsAtTheLimitAndRecovers() {
  ArenaHeap<A> heap;
  LockedAllocator<A>& locked = heap.locked();
  constexpr std::size_t kBlock = 8000;
  void* blocks[64];
  std::size_t count = 0;
  while (count < 64) {
    void* block = locked.Allocate(kBlock, 16);
    if (block == nullptr) break;
    blocks[count++] = block;
  }
  LIBK_ASSERT(count > 0, "no block of {} bytes", kBlock);
  LIBK_ASSERT(count < 64, "{} blocks of {} bytes: no limit", count, kBlock);
  // It failed because the arena was used up, not before.
  const HeapStats stats = heap.Stats();
  LIBK_ASSERT(kArenaBytes - stats.region_bytes < kBlock + kPage, "{}", stats);
  // SAFETY: each block from Allocate(kBlock, 16), freed once.
  for (std::size_t i = 0; i < count; ++i) locked.Deallocate(blocks[i], kBlock, 16);
  void* again = locked.Allocate(kBlock, 16);
  LIBK_ASSERT(again != nullptr);
  // SAFETY: as above.
  locked.Deallocate(again, kBlock, 16);
}

}  // namespace

// KTEST defines a static function for each test (kernel/testing/ktest.h).
// NOLINTBEGIN(misc-use-anonymous-namespace)
KTEST(bump, simple_allocation) { SimpleAllocation<BumpAllocator>(); }
KTEST(bump, large_vec) { LargeVec<BumpAllocator>(); }
KTEST(bump, many_boxes) { ManyBoxes<BumpAllocator>(); }
KTEST_SHOULD_PANIC(bump, many_boxes_long_lived) { ManyBoxesLongLived<BumpAllocator>(); }
KTEST(bump, grows_past_its_initial_size) { GrowsPastItsInitialSize<BumpAllocator>("bump"); }
KTEST(bump, fails_at_the_limit_and_recovers) { FailsAtTheLimitAndRecovers<BumpAllocator>(); }

KTEST(linked_list, simple_allocation) { SimpleAllocation<LinkedListAllocator>(); }
KTEST(linked_list, large_vec) { LargeVec<LinkedListAllocator>(); }
KTEST(linked_list, many_boxes) { ManyBoxes<LinkedListAllocator>(); }
KTEST(linked_list, many_boxes_long_lived) { ManyBoxesLongLived<LinkedListAllocator>(); }
KTEST(linked_list, grows_past_its_initial_size) {
  GrowsPastItsInitialSize<LinkedListAllocator>("linked list");
}
KTEST(linked_list, fails_at_the_limit_and_recovers) {
  FailsAtTheLimitAndRecovers<LinkedListAllocator>();
}

KTEST(fixed_block, simple_allocation) { SimpleAllocation<FixedBlockAllocator>(); }
KTEST(fixed_block, large_vec) { LargeVec<FixedBlockAllocator>(); }
KTEST(fixed_block, many_boxes) { ManyBoxes<FixedBlockAllocator>(); }
KTEST(fixed_block, many_boxes_long_lived) { ManyBoxesLongLived<FixedBlockAllocator>(); }
KTEST(fixed_block, grows_past_its_initial_size) {
  GrowsPastItsInitialSize<FixedBlockAllocator>("fixed-size block");
}
KTEST(fixed_block, fails_at_the_limit_and_recovers) {
  FailsAtTheLimitAndRecovers<FixedBlockAllocator>();
}
// NOLINTEND(misc-use-anonymous-namespace)
