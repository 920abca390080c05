// UsableMemory: the physical frames the kernel may use, worked out from a multiboot2
// memory map that may be unsorted, overlapping, zero-length or unaligned. Available
// regions are rounded inward to whole frames, every other region (reserved, ACPI, bad,
// unknown) rounded outward and subtracted: reserved wins. Frame 0 is never usable. The
// result is a short sorted list of disjoint frame runs, kept without a heap.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/containers/array_vec.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/multiboot2/types.h"
#include "libk/multiboot2/values.h"
#include "libk/result/result.h"

namespace libk::mm {

using x86_64::paging::FrameRange;
using x86_64::paging::PhysAddr;
using x86_64::paging::PhysFrame;
using x86_64::paging::Size4KiB;

// Why the frame allocator could not be set up.
enum class FrameAllocatorError : std::uint8_t {
  kTooManyRanges,    // The usable memory splits into more than UsableMemory::kMaxRanges runs.
  kNoRoomForBitmap,  // No run of free frames below the storage limit holds the bitmap.
};

// Returns a short description of `error`. The string is static.
const char* FrameAllocatorErrorName(FrameAllocatorError error);

// A physical byte range [start, start + size), such as the kernel image; it may be
// unaligned. Frames that hold any of its bytes count as covered.
struct PhysRange {
  PhysAddr start;
  std::uint64_t size = 0;
};

// Sorted, disjoint, non-adjacent runs of usable frames, by frame number.
class UsableMemory {
 public:
  static constexpr std::size_t kMaxRanges = 64;

  // A run of frames [first, end), as frame numbers (address / 4 KiB).
  struct Run {
    std::uint64_t first = 0;
    std::uint64_t end = 0;
    friend constexpr bool operator==(const Run&, const Run&) = default;
  };

  // Returns the usable frames of `regions` (any range of multiboot2::MemoryRegion, such
  // as Info::MemoryMap()), or kTooManyRanges.
  template <typename Regions>
  static Result<UsableMemory, FrameAllocatorError> FromMemoryMap(const Regions& regions) {
    UsableMemory memory;
    for (const multiboot2::MemoryRegion& region : regions) {
      if (multiboot2::IsUsable(region.type)) LIBK_TRY(memory.AddInward(region.base, region.length));
    }
    for (const multiboot2::MemoryRegion& region : regions) {
      if (!multiboot2::IsUsable(region.type)) {
        LIBK_TRY(memory.RemoveOutward(region.base, region.length));
      }
    }
    LIBK_TRY(memory.Remove(0, 1));
    return memory;
  }

  // Returns the runs, in ascending order.
  const ArrayVec<Run, kMaxRanges>& runs() const { return runs_; }
  // Returns run `i` as a frame range.
  FrameRange<Size4KiB> Range(std::size_t i) const;
  // Returns the number of usable frames.
  std::uint64_t frame_count() const;
  // Returns whether frame number `number` is usable.
  bool Contains(std::uint64_t number) const;

 private:
  // Adds the frames wholly inside [base, base + length).
  Result<void, FrameAllocatorError> AddInward(std::uint64_t base, std::uint64_t length);
  // Removes the frames that hold any byte of [base, base + length).
  Result<void, FrameAllocatorError> RemoveOutward(std::uint64_t base, std::uint64_t length);
  // Adds / removes the frames [first, end).
  Result<void, FrameAllocatorError> Add(std::uint64_t first, std::uint64_t end);
  Result<void, FrameAllocatorError> Remove(std::uint64_t first, std::uint64_t end);

  ArrayVec<Run, kMaxRanges> runs_;
};

// Returns the frame numbers [first, end) that hold any byte of `range`, clamped to the
// frames below 2^52.
UsableMemory::Run FramesCovering(PhysRange range);

}  // namespace libk::mm

// Prints the description, as FrameAllocatorErrorName.
template <>
struct libk::Formatter<libk::mm::FrameAllocatorError> {
  static void Format(mm::FrameAllocatorError error, const FormatSpec& spec, Sink& sink);
};
