// The global heap on the bump allocator.
#include <cstddef>

#include "libk/alloc/bump_allocator.h"
#include "libk/alloc/global_heap.h"
#include "libk/alloc/heap_stats.h"
#include "libk/alloc/locked_allocator.h"
#include "libk/alloc/region.h"
#include "libk/base/source_location.h"
#include "libk/fmt/string_view.h"

namespace libk::alloc::global_heap {
namespace {
constinit LockedAllocator<BumpAllocator> heap;
}  // namespace

StringView Name() { return "bump"; }

void Init(std::byte* base, std::size_t size, RegionSource* source) {
  // SAFETY: the caller's obligations are the same.
  heap.Init(base, size, source);
}

void* Allocate(std::size_t size, std::size_t align) { return heap.Allocate(size, align); }

void* AllocateOrPanic(std::size_t size, std::size_t align, SourceLocation loc) {
  return heap.AllocateOrPanic(size, align, loc);
}

void Deallocate(void* ptr, std::size_t size, std::size_t align, SourceLocation loc) {
  // SAFETY: the caller's obligations are the same.
  heap.Deallocate(ptr, size, align, loc);
}

HeapStats Stats() { return heap.Stats(); }

}  // namespace libk::alloc::global_heap
