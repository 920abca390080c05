// PlanDirectMap against the laws a direct map must keep, for random RAM layouts (runs of
// frames up to 20 GiB, both with and without 1 GiB pages): its pages are sorted, disjoint,
// aligned and hold RAM; every RAM frame is covered and nothing at or past the end of RAM
// is; and no page could have been a larger one (the fewest pages, so the fewest tables).
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/mm/usable_memory.h"

#include "kernel/mm/direct_map_plan.h"

namespace kernel::mm {
namespace {

using RamRun = libk::mm::UsableMemory::Run;
constexpr std::uint64_t kFrame = 4096;

// Returns sorted, disjoint, non-adjacent runs of frames below 20 GiB, as UsableMemory
// makes them (frame 0 never usable); sizes mix single frames and whole GiBs.
rc::Gen<std::vector<RamRun>> ArbitraryRam() {
  return rc::gen::exec([] {
    std::vector<RamRun> runs;
    std::uint64_t at = 1;
    const int count = *rc::gen::inRange(1, 6);
    for (int i = 0; i < count; ++i) {
      const std::uint64_t scale = *rc::gen::element<std::uint64_t>(1, 512, 262144);
      const std::uint64_t gap = (i == 0 ? 0 : 1) + (*rc::gen::inRange<std::uint64_t>(0, 4) * scale);
      const std::uint64_t length = 1 + (*rc::gen::inRange<std::uint64_t>(0, 4) * scale) +
                                   *rc::gen::inRange<std::uint64_t>(0, 3);
      const std::uint64_t first = at + gap;
      if (first + length > (std::uint64_t{20} << 30) / kFrame) break;
      runs.push_back(RamRun{first, first + length});
      at = first + length + 1;
    }
    return runs;
  });
}

bool IsRam(const std::vector<RamRun>& runs, std::uint64_t frame) {
  for (const RamRun& run : runs) {
    if (run.first <= frame && frame < run.end) return true;
  }
  return false;
}

TEST(DirectMapPlanProperty, CoversExactlyRamWithTheLargestPages) {
  EXPECT_TRUE(rc::check([] {
    const std::vector<RamRun> runs = *ArbitraryRam();
    const bool gib_pages = *rc::gen::arbitrary<bool>();
    RC_PRE(!runs.empty());
    std::vector<DirectMapPage> pages;
    PlanDirectMap(libk::Span<const RamRun>(runs.data(), runs.size()), gib_pages,
                  [&pages](DirectMapPage page) { pages.push_back(page); });
    const std::uint64_t ram_end = runs.back().end * kFrame;
    std::uint64_t previous_end = 0;
    for (const DirectMapPage& page : pages) {
      const auto size = static_cast<std::uint64_t>(page.size);
      RC_ASSERT(page.start % size == 0);
      RC_ASSERT(page.start >= previous_end);
      RC_ASSERT(page.start + size <= ram_end);
      if (!gib_pages) RC_ASSERT(page.size != DirectMapPageSize::k1GiB);
      bool holds_ram = false;
      for (const RamRun& run : runs) {
        holds_ram =
            holds_ram || (run.first * kFrame < page.start + size && page.start < run.end * kFrame);
      }
      RC_ASSERT(holds_ram);
      // The enclosing block of the next size would have been used if it fitted.
      if (page.size != DirectMapPageSize::k1GiB &&
          (gib_pages || page.size == DirectMapPageSize::k4KiB)) {
        const std::uint64_t parent =
            page.size == DirectMapPageSize::k4KiB ? std::uint64_t{1} << 21 : std::uint64_t{1} << 30;
        RC_ASSERT(page.start / parent * parent + parent > ram_end);
      }
      previous_end = page.start + size;
    }
    // Every RAM frame is covered (checked run by run against the sorted pages).
    std::size_t index = 0;
    for (const RamRun& run : runs) {
      for (std::uint64_t frame = run.first; frame < run.end;) {
        const std::uint64_t address = frame * kFrame;
        while (index < pages.size() &&
               pages[index].start + static_cast<std::uint64_t>(pages[index].size) <= address) {
          ++index;
        }
        RC_ASSERT(index < pages.size());
        RC_ASSERT(pages[index].start <= address);
        frame = (pages[index].start + static_cast<std::uint64_t>(pages[index].size)) / kFrame;
      }
    }
    RC_ASSERT(IsRam(runs, runs.back().end - 1));
  }));
}

TEST(DirectMapPlan, UsesTheLargestAllowedPage) {
  const std::vector<RamRun> eight_gib = {{1, 0x9f}, {0x100, 0xc0000}, {0x100000, 0x240000}};
  const libk::Span<const RamRun> ram(eight_gib.data(), eight_gib.size());
  EXPECT_EQ(LargestPlannedPage(ram, true), DirectMapPageSize::k1GiB);
  EXPECT_EQ(LargestPlannedPage(ram, false), DirectMapPageSize::k2MiB);
  int gib = 0;
  PlanDirectMap(ram, true, [&gib](DirectMapPage page) {
    EXPECT_EQ(page.size, DirectMapPageSize::k1GiB);
    ++gib;
  });
  EXPECT_EQ(gib, 8);  // [0, 3 GiB) and [4 GiB, 9 GiB); the hole is not mapped.
  // 32 MiB less a tail of 128 KiB: never a 1 GiB page past the end of RAM.
  const std::vector<RamRun> small = {{1, 0x9f}, {0x100, 0x1fe0}};
  EXPECT_EQ(LargestPlannedPage(libk::Span<const RamRun>(small.data(), small.size()), true),
            DirectMapPageSize::k2MiB);
}

}  // namespace
}  // namespace kernel::mm
