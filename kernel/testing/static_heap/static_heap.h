// A heap for test kernels until the kernel's own heap (kernel/heap, mapped from frames)
// lands: the global heap over a static, page-aligned array. The one place to swap.
#pragma once

#include <cstddef>

namespace kernel::testing {

// The static heap's size: the kernel image (its .bss included) must end below 4 MiB, the
// part of the boot map with 4 KiB pages, so a static heap cannot be much larger.
inline constexpr std::size_t kStaticHeapBytes = std::size_t{2} << 20;

// Starts libk::alloc::global_heap over the static array; call once, before anything
// allocates.
void InitStaticHeap();

}  // namespace kernel::testing
