// The kernel heap's non-template half: the view of its range, its limit and its line.
#include "kernel/heap/heap.h"

#include <cstddef>

#include "libk/alloc/global_heap.h"
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/raw/address.h"

#include "kernel/console/print.h"
#include "kernel/heap/sizes.h"

namespace kernel::heap {
namespace {
// Written once by Init, before anything can read it.
constinit std::size_t limit = 0;
}  // namespace

namespace internal {

std::byte* ViewOf(libk::x86_64::paging::VirtAddr address) {
  // SAFETY: the kernel reaches its heap at the heap's own virtual addresses; the caller
  // promises the range is the heap's, and the source touches only the pages it mapped.
  return libk::x86_64::raw::ObjectAt<std::byte>(address.value());
}

void SetLimit(std::size_t bytes) { limit = bytes; }

}  // namespace internal

Summary CurrentSummary() {
  return {.design = libk::alloc::global_heap::Name(),
          .stats = libk::alloc::global_heap::Stats(),
          .limit = limit};
}

void PrintSummary() { kprintln("{}", CurrentSummary()); }

}  // namespace kernel::heap
