// Instantiates the allocators behind their locks under the kernel's compiler flags, so a
// freestanding build catches any dependency on the hosted standard library, and checks
// that each can be a constinit global without a destructor to run.
#include <cstddef>
#include <type_traits>

#include "libk/alloc/bump_allocator.h"
#include "libk/alloc/fixed_block_allocator.h"
#include "libk/alloc/heap_stats.h"
#include "libk/alloc/linked_list_allocator.h"
#include "libk/alloc/locked_allocator.h"

namespace libk::alloc {
namespace {

constinit LockedAllocator<BumpAllocator> bump;
constinit LockedAllocator<LinkedListAllocator> linked_list;
constinit LockedAllocator<FixedBlockAllocator> fixed_block;

static_assert(std::is_trivially_destructible_v<LockedAllocator<BumpAllocator>>);
static_assert(std::is_trivially_destructible_v<LockedAllocator<LinkedListAllocator>>);
static_assert(std::is_trivially_destructible_v<LockedAllocator<FixedBlockAllocator>>);

template <typename A>
std::size_t Exercise(LockedAllocator<A>& heap) {
  void* block = heap.AllocateOrPanic(64, 16);
  // SAFETY: each block is freed once, with the size and alignment it was allocated with.
  heap.Deallocate(block, 64, 16);
  if (void* maybe = heap.Allocate(8, 8)) heap.Deallocate(maybe, 8, 8);
  return heap.Stats().bytes_in_use;
}

}  // namespace

// Never called; only compiled.
std::size_t KernelAllocatorInstantiations() {
  return Exercise(bump) + Exercise(linked_list) + Exercise(fixed_block);
}

}  // namespace libk::alloc
