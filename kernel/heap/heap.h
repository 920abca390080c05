// The kernel heap: Init maps its first pages in a reserved virtual range and starts the
// global heap (whichever design the kernel links) over them, growing through a
// PagedRegionSource; Summary/PrintSummary report it. The caller provides the paging
// access and the range, so this package needs nothing from kernel/mm.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>

#include "libk/alloc/global_heap.h"
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/mm/paged_region_source.h"
#include "libk/panic/panic.h"
#include "libk/result/result.h"

#include "kernel/heap/sizes.h"

namespace kernel::heap {

using HeapRange = libk::x86_64::paging::PageRange<libk::x86_64::paging::Size4KiB>;

namespace internal {

// Returns the pointer through which the kernel reaches `address`: the same address.
// Safety: `address` must be in the heap's reserved range, used only by the heap's source.
std::byte* ViewOf(libk::x86_64::paging::VirtAddr address);

// Records the limit for Summary.
void SetLimit(std::size_t bytes);

}  // namespace internal

// Starts the kernel heap in `reserved` (its first and last pages become guard pages, never
// mapped) with `sizes.initial` bytes mapped through `paging`, growing on demand to
// `sizes.limit`. Panics if called twice or if the initial pages cannot be mapped.
// Lock order: the heap's lock, then `paging`'s (Grow runs under the heap's lock).
// Safety: `reserved` must be canonical higher-half addresses that nothing else maps or
// uses, in the address space `paging` edits, which must be the active one; `paging` as
// libk::mm::PagingRefs requires (usable for the kernel's lifetime).
template <libk::mm::PagingAccess P>
void InitWithSizes(P paging, HeapRange reserved, Sizes sizes) {
  using Source = libk::mm::PagedRegionSource<P>;
  // The source lives as long as the kernel (the global heap keeps a pointer to it): made
  // in place in static storage and never destroyed, so no destructor is registered.
  alignas(Source) static constinit std::byte storage[sizeof(Source)] = {};
  static constinit Source* source = nullptr;
  LIBK_ASSERT(source == nullptr, "the kernel heap was initialised twice");
  // SAFETY: the caller's obligations; ViewOf's pointer is the range's own address.
  source = ::new (static_cast<void*>(storage))
      Source(paging, reserved, sizes.limit, internal::ViewOf(reserved.start().StartAddress()));
  const libk::Result<std::byte*> start = source->Init(sizes.initial);
  LIBK_ASSERT(start.is_ok(), "the kernel heap: no frames for its first {} bytes", sizes.initial);
  internal::SetLimit(source->limit_bytes());
  // SAFETY: the region's first mapped_bytes() are mapped for the heap alone, and the
  // source lives as long as the kernel.
  libk::alloc::global_heap::Init(start.value(), source->mapped_bytes(), source);
}

// As InitWithSizes, with the sizes the build settings give for `usable_ram` bytes of RAM.
// Safety: as InitWithSizes.
template <libk::mm::PagingAccess P>
void Init(P paging, HeapRange reserved, std::uint64_t usable_ram) {
  // SAFETY: the caller's obligations.
  InitWithSizes(paging, reserved, SizesFor(usable_ram));
}

// Returns the heap's state for the heap line.
Summary CurrentSummary();

// Prints the heap line: "heap: fixed-size block, 64 KiB mapped of 16 MiB max, 0 B in use,
// peak 0 B".
void PrintSummary();

}  // namespace kernel::heap
