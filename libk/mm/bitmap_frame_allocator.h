// BitmapFrameAllocator: the kernel's physical frame allocator. One bit per usable 4 KiB
// frame (set = in use), in a bitmap the allocator places in usable memory itself and
// reaches through a caller-provided function (the boot window, later the direct map).
// Frames given as in use at creation (the kernel image, the boot information, modules,
// the boot page tables) are never handed out until released. docs/memory.md explains why
// a bitmap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/frame_allocator.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/containers/array_vec.h"
#include "libk/containers/span.h"
#include "libk/mm/usable_memory.h"
#include "libk/panic/panic.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk::mm {

// Invariant: bit i of the bitmap belongs to the i-th usable frame in address order (bits
// past the last frame are set); free_frames() counts the clear bits; a frame is handed
// out only while its bit is clear, and its bit is set until it is deallocated.
class BitmapFrameAllocator {
 public:
  // Returns an allocator for the usable frames of `memory_map` (any range of
  // multiboot2::MemoryRegion) with the frames of `in_use` marked used. The bitmap takes
  // the highest run of free frames that ends at or below `storage_limit`; those frames are
  // marked used too. `reach(frames, words)` must return a Span of at least `words`
  // writable words that is the memory of `frames` (as mapped for the kernel), and that
  // memory must stay reachable for the allocator's lifetime. Fails with kTooManyRanges
  // (see UsableMemory) or kNoRoomForBitmap.
  template <typename Regions, typename Reach>
  static Result<BitmapFrameAllocator, FrameAllocatorError> Create(const Regions& memory_map,
                                                                  Span<const PhysRange> in_use,
                                                                  PhysAddr storage_limit,
                                                                  Reach&& reach) {
    const UsableMemory memory = LIBK_TRY(UsableMemory::FromMemoryMap(memory_map));
    const std::size_t words = BitmapWords(memory.frame_count());
    const Optional<FrameRange<Size4KiB>> place = PlaceBitmap(memory, in_use, words, storage_limit);
    if (!place.has_value()) return Err(FrameAllocatorError::kNoRoomForBitmap);
    const Span<std::uint64_t> bitmap =
        words == 0 ? Span<std::uint64_t>() : std::forward<Reach>(reach)(*place, words);
    LIBK_ASSERT(bitmap.size() >= words, "the bitmap needs {} words, got {}", words, bitmap.size());
    return BitmapFrameAllocator(memory, bitmap.First(words), *place, in_use);
  }

  // Returns the number of 64-bit words a bitmap of `frames` bits takes.
  static constexpr std::size_t BitmapWords(std::uint64_t frames) { return (frames + 63) / 64; }

  // Returns the highest run of `words * 8` bytes of whole usable frames that covers no
  // frame of `in_use` and ends at or below `limit`: an empty range when words is 0,
  // nothing when no such run exists.
  static Optional<FrameRange<Size4KiB>> PlaceBitmap(const UsableMemory& memory,
                                                    Span<const PhysRange> in_use, std::size_t words,
                                                    PhysAddr limit);

  BitmapFrameAllocator(BitmapFrameAllocator&& other) noexcept;
  BitmapFrameAllocator(const BitmapFrameAllocator&) = delete;
  BitmapFrameAllocator& operator=(const BitmapFrameAllocator&) = delete;
  BitmapFrameAllocator& operator=(BitmapFrameAllocator&&) = delete;
  ~BitmapFrameAllocator() = default;

  // Returns a free frame and marks it used, or nothing when every frame is in use. The
  // lowest free frame at or after the last allocation's word comes first; a freed frame
  // below that point moves the search back, so freed frames are reused soon.
  Optional<PhysFrame<Size4KiB>> AllocateFrame();
  // Marks `frame` free again. Panics if the allocator does not manage it or it is free.
  void DeallocateFrame(PhysFrame<Size4KiB> frame);
  // Marks free every managed frame that holds a byte of `range` (an in-use range given at
  // creation, such as the boot page tables once the kernel runs on its own tables).
  // Panics if one of them is already free.
  void Release(PhysRange range);
  // Reaches the bitmap through `bitmap` from now on, for when its frames move from the
  // boot window for the direct map. Panics if `bitmap` is shorter than the bitmap.
  // Safety: `bitmap` must be the same memory as the current bitmap (bitmap_frames(), seen
  // through another mapping), reachable for the allocator's lifetime.
  void MoveBitmap(Span<std::uint64_t> bitmap) {
    LIBK_ASSERT(bitmap.size() >= bitmap_.size(), "the bitmap needs {} words, got {}",
                bitmap_.size(), bitmap.size());
    bitmap_ = bitmap.First(bitmap_.size());
  }

  // Returns whether `frame` is managed (usable) and currently in use.
  bool IsUsed(PhysFrame<Size4KiB> frame) const;
  bool IsManaged(PhysFrame<Size4KiB> frame) const;

  std::uint64_t total_frames() const { return total_; }
  std::uint64_t free_frames() const { return free_; }
  std::uint64_t used_frames() const { return total_ - free_; }
  // Returns where the bitmap lives (empty when there is no usable memory).
  FrameRange<Size4KiB> bitmap_frames() const { return bitmap_frames_; }
  // Returns the usable memory the allocator manages.
  const UsableMemory& memory() const { return memory_; }

 private:
  // A run of usable frames and the index of its first frame's bit.
  struct Run {
    std::uint64_t first = 0;
    std::uint64_t end = 0;
    std::uint64_t first_bit = 0;
  };

  BitmapFrameAllocator(const UsableMemory& memory, Span<std::uint64_t> bitmap,
                       FrameRange<Size4KiB> bitmap_frames, Span<const PhysRange> in_use);
  // Returns the bit of frame number `number`, or nothing if it is not managed.
  Optional<std::uint64_t> BitOf(std::uint64_t number) const;
  // Returns the frame number of bit `bit` (which must belong to a frame).
  std::uint64_t NumberOf(std::uint64_t bit) const;
  // Sets the bit of every managed frame in [first, end); returns how many were clear.
  std::uint64_t MarkUsed(std::uint64_t first, std::uint64_t end);

  UsableMemory memory_;
  ArrayVec<Run, UsableMemory::kMaxRanges> runs_;
  Span<std::uint64_t> bitmap_;
  FrameRange<Size4KiB> bitmap_frames_;
  std::uint64_t total_ = 0;
  std::uint64_t free_ = 0;
  std::size_t cursor_ = 0;  // The word where the next search starts.
};

static_assert(x86_64::paging::FrameAllocator<BitmapFrameAllocator>);

}  // namespace libk::mm
