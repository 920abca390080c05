// Random memory maps for frame allocator tests, messy the way firmware maps can be:
// unsorted, overlapping, zero-length, unaligned, above 4 GiB and past the physical limit,
// with every memory type (and unknown ones). ModelUsableFrames is the per-frame model of
// what the allocator may use.
#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include <rapidcheck.h>

#include "libk/mm/usable_memory.h"
#include "libk/multiboot2/types.h"
#include "libk/multiboot2/values.h"

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

// Returns a region near an anchor: unaligned base and length up to 4 MiB (sometimes 0),
// of any type, rarely reaching past 2^52.
inline rc::Gen<multiboot2::MemoryRegion> ArbitraryRegion() {
  return rc::gen::exec([] {
    multiboot2::MemoryRegion region;
    const std::uint64_t anchor =
        *rc::gen::elementOf(std::vector<std::uint64_t>(std::begin(kAnchors), std::end(kAnchors)));
    region.base = anchor + *rc::gen::inRange<std::uint64_t>(0, 0x40'0000);
    region.length = *rc::gen::weightedOneOf<std::uint64_t>({
        {1, rc::gen::just<std::uint64_t>(0)},
        {8, rc::gen::inRange<std::uint64_t>(1, 0x40'0000)},
        {1, rc::gen::map(rc::gen::inRange<std::uint64_t>(0, 0x200),
                         [](std::uint64_t pages) { return pages * 0x1000; })},
    });
    // Available most of the time; otherwise any type, unknown ones included.
    region.type = *rc::gen::weightedOneOf<multiboot2::MemoryType>({
        {3, rc::gen::just(multiboot2::MemoryType::kAvailable)},
        {1, rc::gen::map(
                rc::gen::inRange<std::uint32_t>(0, 8),
                [](std::uint32_t type) { return static_cast<multiboot2::MemoryType>(type); })},
    });
    return region;
  });
}

inline rc::Gen<std::vector<multiboot2::MemoryRegion>> ArbitraryMemoryMap(int max) {
  return rc::gen::resize(
      max, rc::gen::container<std::vector<multiboot2::MemoryRegion>>(ArbitraryRegion()));
}

// Returns an in-use byte range near an anchor (the kernel image, the boot information).
inline rc::Gen<PhysRange> ArbitraryInUseRange() {
  return rc::gen::exec([] {
    const std::uint64_t anchor = *rc::gen::elementOf(
        std::vector<std::uint64_t>(std::begin(kAnchors), std::end(kAnchors) - 1));
    const std::uint64_t start = anchor + *rc::gen::inRange<std::uint64_t>(0, 0x40'0000);
    return PhysRange{x86_64::paging::PhysAddr::New(start),
                     *rc::gen::inRange<std::uint64_t>(0, 0x10'0000)};
  });
}

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

}  // namespace libk::mm::testing
