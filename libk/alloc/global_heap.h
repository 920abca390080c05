// The global heap's entry points, which operator new and delete call. Three libraries
// define them, one per allocator design (:global_bump, :global_linked_list,
// :global_fixed_block); a binary links exactly one, which picks the kernel's allocator at
// link time, the way a binary picks its panic handler.
#pragma once

#include <cstddef>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/region.h"
#include "libk/base/source_location.h"
#include "libk/fmt/string_view.h"

namespace libk::alloc::global_heap {

// Returns the name of the linked allocator design ("bump", "linked list",
// "fixed-size block").
StringView Name();

// Starts the heap over the `size` bytes at `base`, growing through `source`; panics if
// called twice.
// Safety: as BumpAllocator::Init.
void Init(std::byte* base, std::size_t size, RegionSource* source);

// Returns `size` bytes aligned to `align` (a power of two), or null when the heap cannot
// grow enough or is not initialised.
[[nodiscard]] void* Allocate(std::size_t size, std::size_t align);

// As Allocate, but panics at `loc` with the out-of-memory line (or "heap used before it
// was initialised") instead of returning null.
[[nodiscard]] void* AllocateOrPanic(std::size_t size, std::size_t align,
                                    SourceLocation loc = SourceLocation::Current());

// Frees a block from Allocate; panics at `loc` on a free the allocator refuses.
// Safety: `ptr` must be null or come from Allocate(size, align) with the same size and
// alignment, and not have been freed.
void Deallocate(void* ptr, std::size_t size, std::size_t align,
                SourceLocation loc = SourceLocation::Current());

// Returns the heap's statistics.
HeapStats Stats();

}  // namespace libk::alloc::global_heap
