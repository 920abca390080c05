// PoolFrameAllocator: a FrameAllocator over the frames of simulated RAM for mapper tests.
// It hands out the lowest free frame (so freed tables are visibly reused), fills every
// frame it hands out with garbage (so a mapper that forgets to zero a new table is
// caught), can be told to run out after a budget, and counts misuse instead of crashing.
#pragma once

#include <cstdint>
#include <set>

#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/frame_allocator.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"
#include "libk/result/optional.h"

namespace libk::x86_64::paging::testing {

class PoolFrameAllocator {
 public:
  // The entry written into every slot of a frame handed out.
  static constexpr std::uint64_t kGarbage = 0xa5a5'a5a5'a5a5'a5a5;

  // Hands out the frames of `memory`, at most `budget` at a time.
  explicit PoolFrameAllocator(SimulatedPhysicalMemory memory, std::uint64_t budget = UINT64_MAX)
      : memory_(memory), budget_(budget) {
    for (const PhysFrame<Size4KiB> frame : memory.frames()) {
      free_.insert(frame.StartAddress().value());
    }
  }

  Optional<PhysFrame<Size4KiB>> AllocateFrame() {
    if (free_.empty() || used_.size() >= budget_) return kNone;
    const std::uint64_t start = *free_.begin();
    free_.erase(free_.begin());
    used_.insert(start);
    const PhysFrame<Size4KiB> frame = FrameAt(start);
    for (PageTableEntry& entry : memory_.TableAt(frame)) entry = PageTableEntry::FromBits(kGarbage);
    ++allocations_;
    return frame;
  }

  void DeallocateFrame(PhysFrame<Size4KiB> frame) {
    const std::uint64_t start = frame.StartAddress().value();
    if (used_.erase(start) == 0) {
      ++errors_;  // Not handed out, or freed twice.
      return;
    }
    free_.insert(start);
  }

  // Frames handed out and not yet returned.
  const std::set<std::uint64_t>& used() const { return used_; }
  std::uint64_t allocations() const { return allocations_; }
  // Deallocations of frames that were not handed out.
  std::uint64_t errors() const { return errors_; }
  void set_budget(std::uint64_t budget) { budget_ = budget; }
  std::uint64_t budget() const { return budget_; }

 private:
  static PhysFrame<Size4KiB> FrameAt(std::uint64_t start) {
    return PhysFrame<Size4KiB>::FromStartAddress(PhysAddr::New(start)).value();
  }

  SimulatedPhysicalMemory memory_;
  std::uint64_t budget_;
  std::set<std::uint64_t> free_;
  std::set<std::uint64_t> used_;
  std::uint64_t allocations_ = 0;
  std::uint64_t errors_ = 0;
};

static_assert(FrameAllocator<PoolFrameAllocator>);

}  // namespace libk::x86_64::paging::testing
