// The frame allocator's reference model, frame by frame, and a harness that drives a
// BitmapFrameAllocator beside it: which frames a memory map makes usable, where the bitmap
// must land, and which frames may be handed out at each step. Shared by the property tests
// (maps from memory_maps.h's generators) and the frame allocator fuzzer (maps decoded from
// bytes); checks go through LIBK_MODEL_CHECK.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <set>
#include <utility>
#include <vector>

#include "libk/containers/span.h"
#include "libk/mm/bitmap_frame_allocator.h"
#include "libk/mm/usable_memory.h"
#include "libk/multiboot2/types.h"
#include "libk/multiboot2/values.h"
#include "libk/result/optional.h"
#include "libk/testing/model_check.h"

namespace libk::mm::testing {

// Where regions cluster: low memory, around 1 and 16 MiB, under and over 4 GiB, at 1 TiB
// and just under 2^52, so that they overlap each other often.
inline constexpr std::uint64_t kAnchors[] = {
    0,
    0x10'0000,
    0x100'0000,
    0xffe0'0000,
    0x1'0000'0000,
    0x100'0000'0000,
    (std::uint64_t{1} << 52) - 0x20'0000,
};

// The model: a frame is usable when an available region holds all of it, no other region
// holds any byte of it, it lies below 2^52, and it is not frame 0. Computed frame by frame.
inline std::set<std::uint64_t> ModelUsableFrames(
    const std::vector<multiboot2::MemoryRegion>& regions) {
  constexpr std::uint64_t kLimit = std::uint64_t{1} << 52;
  auto end_of = [](const multiboot2::MemoryRegion& region) {
    // Regions that would wrap end at 2^64 (as unsigned __int128 would say).
    return region.length > ~std::uint64_t{0} - region.base ? ~std::uint64_t{0}
                                                           : region.base + region.length;
  };
  std::set<std::uint64_t> frames;
  for (const auto& region : regions) {
    if (region.type != multiboot2::MemoryType::kAvailable) continue;
    for (std::uint64_t frame = region.base / 4096; frame * 4096 < end_of(region); ++frame) {
      const std::uint64_t start = frame * 4096;
      if (start >= region.base && end_of(region) - start >= 4096 && start + 4096 <= kLimit &&
          frame != 0) {
        frames.insert(frame);
      }
    }
  }
  for (const auto& region : regions) {
    if (region.type == multiboot2::MemoryType::kAvailable || region.length == 0) continue;
    for (auto it = frames.lower_bound(region.base / 4096);
         it != frames.end() && *it * 4096 < end_of(region);) {
      it = frames.erase(it);
    }
  }
  return frames;
}

// Returns the frame numbers holding any byte of `range`.
inline std::set<std::uint64_t> ModelCoveredFrames(const PhysRange& range) {
  std::set<std::uint64_t> frames;
  if (range.size == 0) return frames;
  const std::uint64_t start = range.start.value();
  for (std::uint64_t frame = start / 4096; frame * 4096 < start + range.size; ++frame) {
    frames.insert(frame);
  }
  return frames;
}

// Returns the frames a bitmap of `needed` frames may take: the highest `needed`
// consecutive free frames ending at or below `limit_frame`, or an empty set.
inline std::set<std::uint64_t> ModelBitmapPlace(const std::set<std::uint64_t>& free,
                                                std::uint64_t needed, std::uint64_t limit_frame) {
  std::uint64_t run = 0;
  for (auto it = free.rbegin(); it != free.rend(); ++it) {
    if (*it >= limit_frame) continue;
    run = (run > 0 && *it + 1 == *std::prev(it)) ? run + 1 : 1;
    if (run == needed) {
      std::set<std::uint64_t> place;
      for (std::uint64_t frame = *it; frame < *it + needed; ++frame) place.insert(frame);
      return place;
    }
  }
  return {};
}

// What the allocator is created from: the memory map, the in-use ranges (the kernel, the
// boot information) and the highest address the bitmap may end at.
struct MapSetup {
  std::vector<multiboot2::MemoryRegion> regions;
  std::vector<PhysRange> in_use;
  std::uint64_t limit = 0;
};

// Creates a BitmapFrameAllocator from a MapSetup and checks every step against the model:
// `free_` holds the frames the allocator may hand out, `held_` those it has handed out.
class FrameAllocatorHarness {
 public:
  // Creates the allocator and checks where its bitmap went, or that it failed with
  // kNoRoomForBitmap exactly when the model has no room for it (then created() is false).
  // The setup must have few enough regions for UsableMemory (24 always are).
  explicit FrameAllocatorHarness(const MapSetup& setup)
      : usable_(ModelUsableFrames(setup.regions)) {
    for (const PhysRange& range : setup.in_use) {
      for (const std::uint64_t frame : ModelCoveredFrames(range)) {
        if (usable_.contains(frame)) in_use_.insert(frame);
      }
    }
    std::set<std::uint64_t> free_before_bitmap;
    for (const std::uint64_t frame : usable_) {
      if (!in_use_.contains(frame)) free_before_bitmap.insert(frame);
    }
    const std::uint64_t words = BitmapFrameAllocator::BitmapWords(usable_.size());
    const std::uint64_t needed = (words * 8 + 4095) / 4096;
    place_ = ModelBitmapPlace(free_before_bitmap, needed, setup.limit / 4096);

    Optional<x86_64::paging::FrameRange<x86_64::paging::Size4KiB>> reached;
    auto result = BitmapFrameAllocator::Create(
        setup.regions, Span<const PhysRange>(setup.in_use),
        x86_64::paging::PhysAddr::New(setup.limit),
        [&](x86_64::paging::FrameRange<x86_64::paging::Size4KiB> frames, std::size_t count) {
          reached = frames;
          storage_.assign(count + 3, 0xdeadbeef);  // More than asked: only `count` are used.
          return Span<std::uint64_t>(storage_);
        });
    if (needed > 0 && place_.empty()) {
      LIBK_MODEL_CHECK(result.is_error() &&
                       result.error() == FrameAllocatorError::kNoRoomForBitmap);
      return;
    }
    LIBK_MODEL_CHECK(result.is_ok());
    allocator_.Emplace(std::move(result).value());
    LIBK_MODEL_CHECK(allocator_->total_frames() == usable_.size());
    std::set<std::uint64_t> bitmap;
    for (const auto frame : allocator_->bitmap_frames()) bitmap.insert(frame.Number());
    LIBK_MODEL_CHECK(bitmap == place_);
    LIBK_MODEL_CHECK(reached.has_value() == (needed > 0));
    LIBK_MODEL_CHECK(storage_.size() == (needed > 0 ? words + 3 : 0));
    for (const std::uint64_t frame : free_before_bitmap) {
      if (!place_.contains(frame)) free_.insert(frame);
    }
    Check();
  }

  bool created() const { return allocator_.has_value(); }
  const std::set<std::uint64_t>& usable() const { return usable_; }
  const std::set<std::uint64_t>& held() const { return held_; }

  // Takes one frame: one the model has free (never twice, never reserved, in use or the
  // bitmap's), or nothing exactly when the model has none. Returns whether it got one.
  bool Allocate() {
    const Optional<x86_64::paging::PhysFrame<x86_64::paging::Size4KiB>> frame =
        allocator_->AllocateFrame();
    LIBK_MODEL_CHECK(frame.has_value() == !free_.empty());
    if (!frame.has_value()) return false;
    const std::uint64_t number = frame->Number();
    LIBK_MODEL_CHECK(free_.erase(number) == 1);
    LIBK_MODEL_CHECK(held_.insert(number).second);
    LIBK_MODEL_CHECK(allocator_->IsUsed(*frame));
    Check();
    return true;
  }

  // Frees the held frame `pick` (modulo their number), if any is held.
  void Free(std::size_t pick) {
    if (held_.empty()) return;
    auto it = held_.begin();
    std::advance(it, static_cast<std::ptrdiff_t>(pick % held_.size()));
    FreeFrame(*it);
  }

  // Frees the held frame `number`.
  void FreeFrame(std::uint64_t number) {
    LIBK_MODEL_CHECK(held_.erase(number) == 1);
    allocator_->DeallocateFrame(FrameOf(number));
    free_.insert(number);
    Check();
  }

  // Releases the in-use frames (once): they become free, and only they do.
  void ReleaseInUse() {
    if (released_) return;
    released_ = true;
    for (const std::uint64_t frame : in_use_) {
      LIBK_MODEL_CHECK(allocator_->IsUsed(FrameOf(frame)));
      allocator_->DeallocateFrame(FrameOf(frame));
      free_.insert(frame);
    }
    Check();
  }

  // Takes every frame left; returns those taken, which must be exactly the model's free ones.
  std::set<std::uint64_t> TakeAll() {
    const std::set<std::uint64_t> expected = free_;
    const std::set<std::uint64_t> held_before = held_;
    while (Allocate()) {
    }
    std::set<std::uint64_t> taken;
    for (const std::uint64_t frame : held_) {
      if (!held_before.contains(frame)) taken.insert(frame);
    }
    LIBK_MODEL_CHECK(taken == expected);
    LIBK_MODEL_CHECK(allocator_->free_frames() == 0U);
    return taken;
  }

  // Checks that every usable frame but the bitmap's (and the in-use ones, unless released)
  // has been handed out.
  void CheckAllHandedOut() const {
    std::set<std::uint64_t> expected;
    for (const std::uint64_t frame : usable_) {
      if (!place_.contains(frame) && (released_ || !in_use_.contains(frame))) {
        expected.insert(frame);
      }
    }
    LIBK_MODEL_CHECK(held_ == expected);
    LIBK_MODEL_CHECK(allocator_->used_frames() == allocator_->total_frames());
  }

 private:
  static x86_64::paging::PhysFrame<x86_64::paging::Size4KiB> FrameOf(std::uint64_t number) {
    return x86_64::paging::PhysFrame<x86_64::paging::Size4KiB>::Containing(
        x86_64::paging::PhysAddr::New(number * 4096));
  }

  // The counts always add up and agree with the model.
  void Check() const {
    LIBK_MODEL_CHECK(allocator_->free_frames() == free_.size());
    LIBK_MODEL_CHECK(allocator_->used_frames() + allocator_->free_frames() ==
                     allocator_->total_frames());
  }

  std::set<std::uint64_t> usable_;
  std::set<std::uint64_t> in_use_;  // Usable frames holding a byte of an in-use range.
  std::set<std::uint64_t> place_;   // The bitmap's frames.
  std::set<std::uint64_t> free_;    // What the allocator may hand out now.
  std::set<std::uint64_t> held_;    // What it has handed out.
  bool released_ = false;
  std::vector<std::uint64_t> storage_;  // The bitmap's words.
  Optional<BitmapFrameAllocator> allocator_;
};

}  // namespace libk::mm::testing
