// SimulatedRam: host memory standing in for a stretch of physical RAM that holds page
// tables, at any physical offset. It owns the tables; View() is the PhysToVirt a Mapper
// uses.
#pragma once

#include <cstdint>
#include <vector>

#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"
#include "libk/containers/span.h"

namespace libk::x86_64::paging::testing {

class SimulatedRam {
 public:
  // Simulates `frames` frames of RAM from `base` on.
  SimulatedRam(PhysFrame<Size4KiB> base, std::uint64_t frames) : tables_(frames), base_(base) {}

  SimulatedPhysicalMemory View() {
    return SimulatedPhysicalMemory(Span<PageTable>(tables_), base_);
  }
  FrameRange<Size4KiB> frames() const { return FrameRange<Size4KiB>(base_, tables_.size()); }

 private:
  std::vector<PageTable> tables_;
  PhysFrame<Size4KiB> base_;
};

}  // namespace libk::x86_64::paging::testing
