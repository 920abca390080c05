#include "libk/mm/bitmap_frame_allocator.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "libk/fmt/format.h"

namespace libk::mm {
namespace {

constexpr std::uint64_t kFrameSize = Size4KiB::kSize;
constexpr std::uint64_t kAllOnes = ~std::uint64_t{0};

PhysFrame<Size4KiB> FrameNumbered(std::uint64_t number) {
  return PhysFrame<Size4KiB>::Containing(PhysAddr::New(number * kFrameSize));
}

// Returns the lowest first frame of the in-use ranges that overlap frames [first, end), or
// nothing when none does.
Optional<std::uint64_t> LowestOverlap(Span<const PhysRange> in_use, std::uint64_t first,
                                      std::uint64_t end) {
  Optional<std::uint64_t> lowest;
  for (const PhysRange& range : in_use) {
    const UsableMemory::Run frames = FramesCovering(range);
    if (frames.first < end && frames.end > first && (!lowest || frames.first < *lowest)) {
      lowest = frames.first;
    }
  }
  return lowest;
}

}  // namespace

Optional<FrameRange<Size4KiB>> BitmapFrameAllocator::PlaceBitmap(const UsableMemory& memory,
                                                                 Span<const PhysRange> in_use,
                                                                 std::size_t words,
                                                                 PhysAddr limit) {
  const std::uint64_t needed = (words * sizeof(std::uint64_t) + kFrameSize - 1) / kFrameSize;
  if (needed == 0) return FrameRange<Size4KiB>(FrameNumbered(0), 0);
  const std::uint64_t limit_frame = limit.value() / kFrameSize;
  const auto& runs = memory.runs();
  // From the highest run down, and inside a run from its top down. Every window that ends
  // above the lowest in-use range it overlaps still overlaps that range, so the next
  // candidate ends where that range starts.
  for (std::size_t i = runs.size(); i-- > 0;) {
    std::uint64_t end = runs[i].end < limit_frame ? runs[i].end : limit_frame;
    while (end >= runs[i].first + needed) {
      const Optional<std::uint64_t> blocker = LowestOverlap(in_use, end - needed, end);
      if (!blocker.has_value()) return FrameRange<Size4KiB>(FrameNumbered(end - needed), needed);
      end = *blocker;
    }
  }
  return kNone;
}

BitmapFrameAllocator::BitmapFrameAllocator(const UsableMemory& memory, Span<std::uint64_t> bitmap,
                                           FrameRange<Size4KiB> bitmap_frames,
                                           Span<const PhysRange> in_use)
    : memory_(memory), bitmap_(bitmap), bitmap_frames_(bitmap_frames) {
  for (const UsableMemory::Run& run : memory.runs()) {
    runs_.Push(Run{run.first, run.end, total_});
    total_ += run.end - run.first;
  }
  LIBK_ASSERT(bitmap.size() == BitmapWords(total_), "bitmap of {} words for {} frames",
              bitmap.size(), total_);
  for (std::uint64_t& word : bitmap_) word = 0;
  // The bits past the last frame are never free.
  if (total_ % 64 != 0) bitmap_[bitmap_.size() - 1] = kAllOnes << (total_ % 64);
  free_ = total_;
  for (const PhysRange& range : in_use) {
    const UsableMemory::Run frames = FramesCovering(range);
    free_ -= MarkUsed(frames.first, frames.end);
  }
  const std::uint64_t first = bitmap_frames.start().Number();
  free_ -= MarkUsed(first, first + bitmap_frames.size());
}

BitmapFrameAllocator::BitmapFrameAllocator(BitmapFrameAllocator&& other) noexcept
    : memory_(std::move(other.memory_)),
      runs_(std::move(other.runs_)),
      bitmap_(other.bitmap_),
      bitmap_frames_(other.bitmap_frames_),
      total_(other.total_),
      free_(other.free_),
      cursor_(other.cursor_) {
  // The moved-from allocator manages nothing, so two allocators never share a bitmap.
  other.runs_.Clear();
  other.bitmap_ = Span<std::uint64_t>();
  other.total_ = 0;
  other.free_ = 0;
  other.cursor_ = 0;
}

Optional<PhysFrame<Size4KiB>> BitmapFrameAllocator::AllocateFrame() {
  if (free_ == 0) return kNone;
  const std::size_t words = bitmap_.size();
  for (std::size_t n = 0; n < words; ++n) {
    const std::size_t index = cursor_ + n < words ? cursor_ + n : cursor_ + n - words;
    const std::uint64_t word = bitmap_[index];
    if (word == kAllOnes) continue;
    const auto bit = static_cast<std::uint64_t>(std::countr_one(word));
    bitmap_[index] = word | (std::uint64_t{1} << bit);
    cursor_ = index;
    --free_;
    return FrameNumbered(NumberOf((index * 64) + bit));
  }
  LIBK_PANIC("frame bitmap is full, but {} frames are counted free", free_);
}

void BitmapFrameAllocator::DeallocateFrame(PhysFrame<Size4KiB> frame) {
  const Optional<std::uint64_t> bit = BitOf(frame.Number());
  if (!bit.has_value()) LIBK_PANIC("deallocating {}, which is not usable memory", frame);
  const std::size_t index = *bit / 64;
  const std::uint64_t mask = std::uint64_t{1} << (*bit % 64);
  if ((bitmap_[index] & mask) == 0) LIBK_PANIC("deallocating {}, which is free", frame);
  bitmap_[index] &= ~mask;
  ++free_;
  if (index < cursor_) cursor_ = index;
}

void BitmapFrameAllocator::Release(PhysRange range) {
  const UsableMemory::Run frames = FramesCovering(range);
  for (std::uint64_t number = frames.first; number < frames.end; ++number) {
    if (BitOf(number).has_value()) DeallocateFrame(FrameNumbered(number));
  }
}

bool BitmapFrameAllocator::IsManaged(PhysFrame<Size4KiB> frame) const {
  return BitOf(frame.Number()).has_value();
}

bool BitmapFrameAllocator::IsUsed(PhysFrame<Size4KiB> frame) const {
  const Optional<std::uint64_t> bit = BitOf(frame.Number());
  return bit.has_value() && (bitmap_[*bit / 64] >> (*bit % 64) & 1) != 0;
}

Optional<std::uint64_t> BitmapFrameAllocator::BitOf(std::uint64_t number) const {
  // Binary search for the last run starting at or below `number`.
  std::size_t low = 0;
  std::size_t high = runs_.size();
  while (low < high) {
    const std::size_t mid = low + ((high - low) / 2);
    if (runs_[mid].first <= number) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  if (low == 0) return kNone;
  const Run& run = runs_[low - 1];
  if (number >= run.end) return kNone;
  return run.first_bit + (number - run.first);
}

std::uint64_t BitmapFrameAllocator::NumberOf(std::uint64_t bit) const {
  std::size_t low = 0;
  std::size_t high = runs_.size();
  while (low < high) {
    const std::size_t mid = low + ((high - low) / 2);
    if (runs_[mid].first_bit <= bit) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  LIBK_ASSERT(low > 0, "bit {} belongs to no frame", bit);
  const Run& run = runs_[low - 1];
  LIBK_ASSERT(bit - run.first_bit < run.end - run.first, "bit {} belongs to no frame", bit);
  return run.first + (bit - run.first_bit);
}

std::uint64_t BitmapFrameAllocator::MarkUsed(std::uint64_t first, std::uint64_t end) {
  std::uint64_t marked = 0;
  for (std::uint64_t number = first; number < end; ++number) {
    const Optional<std::uint64_t> bit = BitOf(number);
    if (!bit.has_value()) continue;
    std::uint64_t& word = bitmap_[*bit / 64];
    const std::uint64_t mask = std::uint64_t{1} << (*bit % 64);
    if ((word & mask) == 0) ++marked;
    word |= mask;
  }
  return marked;
}

}  // namespace libk::mm
