// BitmapFrameAllocator over random messy memory maps with random in-use ranges: the
// bitmap lands where it should (or the allocator says there is no room, exactly when
// there is none), no frame is handed out twice, no frame is ever outside usable memory,
// in use or the bitmap's own, every such frame is eventually handed out, the counts
// always add up, and freed and released frames come back.
#include <cstdint>
#include <iterator>
#include <set>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/containers/span.h"
#include "libk/mm/bitmap_frame_allocator.h"
#include "libk/mm/testing/memory_maps.h"
#include "libk/mm/usable_memory.h"
#include "libk/multiboot2/values.h"

namespace libk::mm {
namespace {

using x86_64::paging::FrameRange;
using x86_64::paging::PhysAddr;
using x86_64::paging::PhysFrame;
using x86_64::paging::Size4KiB;

struct MapSetup {
  std::vector<multiboot2::MemoryRegion> regions;
  std::vector<PhysRange> in_use;
  std::uint64_t limit = 0;
};

MapSetup ArbitrarySetup() {
  MapSetup setup;
  setup.regions = *testing::ArbitraryMemoryMap(24);
  setup.in_use = *rc::gen::resize(
      6, rc::gen::container<std::vector<PhysRange>>(testing::ArbitraryInUseRange()));
  setup.limit = *rc::gen::elementOf(std::vector<std::uint64_t>{0x10'0000, 0x100'0000, 0x4000'0000,
                                                               (std::uint64_t{1} << 52) - 0x1000});
  return setup;
}

// Returns the frames a bitmap of `needed` frames may take: the highest `needed`
// consecutive free frames ending at or below `limit_frame`, or an empty set.
std::set<std::uint64_t> ModelBitmapPlace(const std::set<std::uint64_t>& free, std::uint64_t needed,
                                         std::uint64_t limit_frame) {
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

TEST(BitmapFrameAllocatorProperty, HandsOutEveryFreeFrameOnceAndNothingElse) {
  EXPECT_TRUE(rc::check([] {
    const MapSetup setup = ArbitrarySetup();
    const std::set<std::uint64_t> usable = testing::ModelUsableFrames(setup.regions);
    std::set<std::uint64_t> in_use;
    for (const PhysRange& range : setup.in_use) {
      for (const std::uint64_t frame : testing::ModelCoveredFrames(range)) {
        if (usable.contains(frame)) in_use.insert(frame);
      }
    }
    std::set<std::uint64_t> free_before_bitmap;
    for (const std::uint64_t frame : usable) {
      if (!in_use.contains(frame)) free_before_bitmap.insert(frame);
    }
    const std::uint64_t words = BitmapFrameAllocator::BitmapWords(usable.size());
    const std::uint64_t needed = (words * 8 + 4095) / 4096;
    const std::set<std::uint64_t> place =
        ModelBitmapPlace(free_before_bitmap, needed, setup.limit / 4096);

    std::vector<std::uint64_t> storage;
    Optional<FrameRange<Size4KiB>> reached;
    auto result = BitmapFrameAllocator::Create(
        setup.regions, Span<const PhysRange>(setup.in_use), PhysAddr::New(setup.limit),
        [&](FrameRange<Size4KiB> frames, std::size_t count) {
          reached = frames;
          storage.assign(count + 3, 0xdeadbeef);  // More than asked: only `count` are used.
          return Span<std::uint64_t>(storage);
        });
    if (needed > 0 && place.empty()) {
      RC_ASSERT(result.is_error() && result.error() == FrameAllocatorError::kNoRoomForBitmap);
      RC_TAG("no room for the bitmap");
      return;
    }
    RC_ASSERT(result.is_ok());
    BitmapFrameAllocator allocator = std::move(result).value();
    RC_ASSERT(allocator.total_frames() == usable.size());
    std::set<std::uint64_t> bitmap;
    for (const PhysFrame<Size4KiB> frame : allocator.bitmap_frames()) bitmap.insert(frame.Number());
    RC_ASSERT(bitmap == place);
    RC_ASSERT(reached.has_value() == (needed > 0));
    RC_ASSERT(storage.size() == (needed > 0 ? words + 3 : 0));
    RC_ASSERT(allocator.free_frames() == free_before_bitmap.size() - place.size());
    RC_TAG(usable.empty() ? "empty" : usable.size() < 1000 ? "small" : "large");

    // Take every frame, each once, each free in the model; then nothing is left.
    std::set<std::uint64_t> taken;
    while (true) {
      const Optional<PhysFrame<Size4KiB>> frame = allocator.AllocateFrame();
      if (!frame.has_value()) break;
      const std::uint64_t number = frame->Number();
      RC_ASSERT(taken.insert(number).second);
      RC_ASSERT(free_before_bitmap.contains(number));
      RC_ASSERT(!place.contains(number));
      RC_ASSERT(allocator.IsUsed(*frame));
      RC_ASSERT(allocator.used_frames() + allocator.free_frames() == allocator.total_frames());
    }
    RC_ASSERT(taken.size() == free_before_bitmap.size() - place.size());
    RC_ASSERT(allocator.free_frames() == 0U);

    // Free a random half, then take them back: the same frames return.
    std::set<std::uint64_t> returned;
    for (const std::uint64_t number : taken) {
      if (*rc::gen::arbitrary<bool>()) {
        allocator.DeallocateFrame(PhysFrame<Size4KiB>::Containing(PhysAddr::New(number * 4096)));
        returned.insert(number);
      }
    }
    RC_ASSERT(allocator.free_frames() == returned.size());
    std::set<std::uint64_t> retaken;
    while (const Optional<PhysFrame<Size4KiB>> frame = allocator.AllocateFrame()) {
      RC_ASSERT(retaken.insert(frame->Number()).second);
    }
    RC_ASSERT(retaken == returned);

    // Released in-use ranges become free frames, and only they do.
    for (const PhysRange& range : setup.in_use) {
      for (const std::uint64_t frame : testing::ModelCoveredFrames(range)) {
        if (in_use.contains(frame) &&
            allocator.IsUsed(PhysFrame<Size4KiB>::Containing(PhysAddr::New(frame * 4096)))) {
          allocator.DeallocateFrame(PhysFrame<Size4KiB>::Containing(PhysAddr::New(frame * 4096)));
        }
      }
    }
    RC_ASSERT(allocator.free_frames() == in_use.size());
    std::set<std::uint64_t> released;
    while (const Optional<PhysFrame<Size4KiB>> frame = allocator.AllocateFrame()) {
      released.insert(frame->Number());
    }
    RC_ASSERT(released == in_use);
    RC_ASSERT(allocator.used_frames() == allocator.total_frames());
  }));
}

TEST(BitmapFrameAllocatorProperty, InterleavedAllocationsAgreeWithAModel) {
  EXPECT_TRUE(rc::check([] {
    const MapSetup setup = ArbitrarySetup();
    std::vector<std::uint64_t> storage;
    auto result = BitmapFrameAllocator::Create(
        setup.regions, Span<const PhysRange>(setup.in_use), PhysAddr::New(0xffff'ffff),
        [&](FrameRange<Size4KiB> /*frames*/, std::size_t count) {
          storage.assign(count, 0);
          return Span<std::uint64_t>(storage);
        });
    RC_PRE(result.is_ok());
    BitmapFrameAllocator allocator = std::move(result).value();
    std::set<std::uint64_t> held;  // The model: frames this test holds.
    const std::uint64_t free_at_start = allocator.free_frames();
    const auto steps =
        *rc::gen::container<std::vector<std::uint16_t>>(rc::gen::arbitrary<std::uint16_t>());
    for (const std::uint16_t step : steps) {
      if (step % 3 != 0 || held.empty()) {
        const Optional<PhysFrame<Size4KiB>> frame = allocator.AllocateFrame();
        RC_ASSERT(frame.has_value() == (held.size() < free_at_start));
        if (frame.has_value()) RC_ASSERT(held.insert(frame->Number()).second);
      } else {
        auto it = held.begin();
        std::advance(it, step % held.size());
        allocator.DeallocateFrame(PhysFrame<Size4KiB>::Containing(PhysAddr::New(*it * 4096)));
        held.erase(it);
      }
      RC_ASSERT(allocator.free_frames() == free_at_start - held.size());
    }
    for (const std::uint64_t number : held) {
      allocator.DeallocateFrame(PhysFrame<Size4KiB>::Containing(PhysAddr::New(number * 4096)));
    }
    RC_ASSERT(allocator.free_frames() == free_at_start);
  }));
}

}  // namespace
}  // namespace libk::mm
