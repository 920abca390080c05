// How the mapper reaches a page table it knows only by its physical frame. The kernel
// reaches physical memory through a window (the boot map, later the direct map:
// //libk/arch/x86_64:phys_window); host tests and the freestanding self-test use
// SimulatedPhysicalMemory, an array of tables that stands in for a stretch of RAM.
#pragma once

#include <concepts>
#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/containers/span.h"
#include "libk/panic/panic.h"

namespace libk::x86_64::paging {

// A cheap, copyable view that returns the page table stored in a 4 KiB frame. TableAt
// must return the same table for the same frame for as long as the view is used, and
// panic for a frame it cannot reach (a page-table entry pointing outside memory is a
// broken invariant, not an error to recover from).
template <typename M>
concept PhysToVirt =
    std::copy_constructible<M> && requires(const M& memory, PhysFrame<Size4KiB> frame) {
      { memory.TableAt(frame) } -> std::same_as<PageTable&>;
    };

// Physical memory [base, base + 4 KiB * tables.size()) simulated by an array of tables:
// table i stands for the frame at base + 4 KiB * i. Only page tables live there, which is
// all the mapper reads and writes.
class SimulatedPhysicalMemory {
 public:
  // Views `tables` as the frames from `base` on; panics if they would pass 2^52.
  // Safety: `tables` must outlive the view and every mapper that uses it.
  SimulatedPhysicalMemory(Span<PageTable> tables, PhysFrame<Size4KiB> base)
      : tables_(tables), frames_(base, tables.size()) {}

  // Returns the table in `frame`; panics if the frame lies outside the simulated memory.
  PageTable& TableAt(PhysFrame<Size4KiB> frame) const {
    LIBK_ASSERT(frames_.Contains(frame), "{} is outside the simulated memory {}", frame, frames_);
    return tables_[frame - frames_.start()];
  }
  // Returns the frames the simulated memory covers.
  FrameRange<Size4KiB> frames() const { return frames_; }

 private:
  Span<PageTable> tables_;
  FrameRange<Size4KiB> frames_;
};

static_assert(PhysToVirt<SimulatedPhysicalMemory>);

}  // namespace libk::x86_64::paging
