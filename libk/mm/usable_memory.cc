#include "libk/mm/usable_memory.h"

#include <cstddef>
#include <cstdint>
#include <limits>

#include "libk/fmt/string_view.h"

namespace libk::mm {
namespace {

constexpr std::uint64_t kFrameSize = Size4KiB::kSize;
constexpr std::uint64_t kFrameLimit = PhysAddr::kLimit / kFrameSize;

// Returns min(base + length, 2^52) without overflowing.
std::uint64_t ClampedEnd(std::uint64_t base, std::uint64_t length) {
  if (base >= PhysAddr::kLimit || length >= PhysAddr::kLimit - base) return PhysAddr::kLimit;
  return base + length;
}

}  // namespace

const char* FrameAllocatorErrorName(FrameAllocatorError error) {
  switch (error) {
    case FrameAllocatorError::kTooManyRanges:
      return "the usable memory has too many separate ranges";
    case FrameAllocatorError::kNoRoomForBitmap:
      return "no free run of frames below the storage limit holds the bitmap";
  }
  return "unknown frame allocator error";
}

UsableMemory::Run FramesCovering(PhysRange range) {
  const std::uint64_t start = range.start.value();
  const std::uint64_t end = ClampedEnd(start, range.size);
  if (end == start) return {start / kFrameSize, start / kFrameSize};
  return {start / kFrameSize, ((end - 1) / kFrameSize) + 1};
}

Result<void, FrameAllocatorError> UsableMemory::AddInward(std::uint64_t base,
                                                          std::uint64_t length) {
  const std::uint64_t end = ClampedEnd(base, length);
  if (base >= end) return Ok();
  // Frames wholly inside: round the start up and the end down.
  const std::uint64_t first = (base / kFrameSize) + (base % kFrameSize != 0 ? 1 : 0);
  return Add(first, end / kFrameSize);
}

Result<void, FrameAllocatorError> UsableMemory::RemoveOutward(std::uint64_t base,
                                                              std::uint64_t length) {
  if (base >= PhysAddr::kLimit) return Ok();
  const Run frames = FramesCovering(PhysRange{PhysAddr::New(base), length});
  return Remove(frames.first, frames.end);
}

Result<void, FrameAllocatorError> UsableMemory::Add(std::uint64_t first, std::uint64_t end) {
  if (first >= end) return Ok();
  // Merge with every run that overlaps or touches [first, end), then insert in order.
  std::size_t i = 0;
  while (i < runs_.size() && runs_[i].end < first) ++i;
  while (i < runs_.size() && runs_[i].first <= end) {
    first = runs_[i].first < first ? runs_[i].first : first;
    end = runs_[i].end > end ? runs_[i].end : end;
    runs_.Erase(i);
  }
  if (runs_.full()) return Err(FrameAllocatorError::kTooManyRanges);
  runs_.Insert(i, Run{first, end});
  return Ok();
}

Result<void, FrameAllocatorError> UsableMemory::Remove(std::uint64_t first, std::uint64_t end) {
  if (first >= end) return Ok();
  std::size_t i = 0;
  while (i < runs_.size()) {
    Run& run = runs_[i];
    if (run.end <= first || run.first >= end) {
      ++i;
    } else if (first <= run.first && run.end <= end) {
      runs_.Erase(i);
    } else if (run.first < first && end < run.end) {
      // Split in two around the hole.
      if (runs_.full()) return Err(FrameAllocatorError::kTooManyRanges);
      const Run upper{end, run.end};
      run.end = first;
      runs_.Insert(i + 1, upper);
      return Ok();
    } else if (run.first < first) {
      run.end = first;
      ++i;
    } else {
      run.first = end;
      ++i;
    }
  }
  return Ok();
}

FrameRange<Size4KiB> UsableMemory::Range(std::size_t i) const {
  const Run& run = runs_[i];
  return FrameRange<Size4KiB>(
      PhysFrame<Size4KiB>::Containing(PhysAddr::New(run.first * kFrameSize)), run.end - run.first);
}

std::uint64_t UsableMemory::frame_count() const {
  std::uint64_t count = 0;
  for (const Run& run : runs_) count += run.end - run.first;
  return count;
}

bool UsableMemory::Contains(std::uint64_t number) const {
  for (const Run& run : runs_) {
    if (run.first <= number && number < run.end) return true;
  }
  return false;
}

static_assert(kFrameLimit == std::uint64_t{1} << 40);

}  // namespace libk::mm

void libk::Formatter<libk::mm::FrameAllocatorError>::Format(mm::FrameAllocatorError error,
                                                            const FormatSpec& /*spec*/,
                                                            Sink& sink) {
  sink.Write(StringView(mm::FrameAllocatorErrorName(error)));
}
