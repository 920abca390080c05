#include "kernel/testing/static_heap/static_heap.h"

#include "libk/alloc/global_heap.h"

namespace kernel::testing {
namespace {

alignas(4096) constinit std::byte heap_bytes[kStaticHeapBytes] = {};

}  // namespace

void InitStaticHeap() {
  // SAFETY: the array is static, writable, page-aligned and used by nothing else; the
  // heap cannot grow (no region source), so it never touches memory beyond it.
  libk::alloc::global_heap::Init(heap_bytes, kStaticHeapBytes, nullptr);
}

}  // namespace kernel::testing
