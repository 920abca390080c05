// Random memory maps for frame allocator tests, messy the way firmware maps can be:
// unsorted, overlapping, zero-length, unaligned, above 4 GiB and past the physical limit,
// with every memory type (and unknown ones). The per-frame model of what the allocator may
// use is in frame_model.h.
#pragma once

#include <cstdint>
#include <iterator>
#include <vector>

#include <rapidcheck.h>

#include "libk/mm/testing/frame_model.h"
#include "libk/mm/usable_memory.h"
#include "libk/multiboot2/types.h"
#include "libk/multiboot2/values.h"

namespace libk::mm::testing {

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

// Returns up to `max` regions.
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

}  // namespace libk::mm::testing
