// Maps the direct map's plan (direct_map_plan.h) into a page-table tree that Init is
// still building: each planned page at layout::kDirectMapBase + its physical start, never
// executable, read-write or read-only as the plan says. Kernel-only (the mapper edits
// real tables); address_space.cc uses it through the boot window.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"

#include "kernel/mm/direct_map_plan.h"
#include "kernel/mm/layout.h"

namespace kernel::mm::internal {

// Returns the direct map's flags for `page`: GLOBAL and NO_EXECUTE, and WRITABLE unless
// the plan makes it read-only.
inline libk::x86_64::paging::PageTableFlags DirectMapFlags(DirectMapPage page) {
  using libk::x86_64::paging::PageTableFlag;
  const auto flags = PageTableFlag::kNoExecute | PageTableFlag::kGlobal;
  return page.writable ? flags | PageTableFlag::kWritable : flags;
}

// Maps one page of the direct map, taking tables from `frames`; panics if the mapper
// fails. The caller's tree must not be active yet (every flush is ignored) and the page
// must overlap nothing mapped before, which the plan's disjoint pages guarantee.
template <typename Mapper, typename Allocator>
void MapDirectPage(Mapper& mapper, DirectMapPage page, Allocator& frames) {
  namespace paging = libk::x86_64::paging;
  const auto virt = paging::VirtAddr::New(layout::kDirectMapBase + page.start);
  const auto phys = paging::PhysAddr::New(page.start);
  const paging::PageTableFlags flags = DirectMapFlags(page);
  // SAFETY: the tree is not active yet (the caller's contract); the direct map is a view
  // of RAM that no one owns through it, the new page overlaps nothing mapped before, and
  // tables come from frames the allocator owns.
  switch (page.size) {
    case DirectMapPageSize::k1GiB:
      mapper
          .MapTo(paging::Page<paging::Size1GiB>::Containing(virt),
                 paging::PhysFrame<paging::Size1GiB>::Containing(phys), flags, frames)
          .UnwrapOrPanic()
          .Ignore();  // Not active yet: nothing to flush.
      break;
    case DirectMapPageSize::k2MiB:
      mapper
          .MapTo(paging::Page<paging::Size2MiB>::Containing(virt),
                 paging::PhysFrame<paging::Size2MiB>::Containing(phys), flags, frames)
          .UnwrapOrPanic()
          .Ignore();
      break;
    case DirectMapPageSize::k4KiB:
      mapper
          .MapTo(paging::Page<paging::Size4KiB>::Containing(virt),
                 paging::PhysFrame<paging::Size4KiB>::Containing(phys), flags, frames)
          .UnwrapOrPanic()
          .Ignore();
      break;
  }
}

// Maps the plan of the direct map for `ram`, with `read_only`'s frames read-only, into
// the caller's tree (not active yet), in 1 GiB pages where `gib_pages` allows.
template <typename Mapper, typename Allocator>
void MapDirectMap(Mapper& mapper, RamRuns ram, FrameRuns read_only, bool gib_pages,
                  Allocator& frames) {
  PlanDirectMap(ram, read_only, gib_pages,
                [&](DirectMapPage page) { MapDirectPage(mapper, page, frames); });
}

}  // namespace kernel::mm::internal
