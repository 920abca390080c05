// PlanDirectMap against the laws a direct map must keep, for random RAM layouts (runs of
// frames up to 20 GiB), random read-only runs (where the kernel image's text and rodata
// would be) and both with and without 1 GiB pages: its pages are sorted, disjoint,
// aligned and hold RAM; every RAM frame is covered and nothing at or past the end of RAM
// is; every read-only frame is read-only and every other frame writable (no page mixes
// the two); no page could have been a larger one; and the tables it takes are the
// minimum, counted by a model that looks only at RAM and the read-only runs.
#include <algorithm>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/mm/usable_memory.h"

#include "kernel/mm/direct_map_plan.h"

namespace kernel::mm {
namespace {

using FrameRun = libk::mm::UsableMemory::Run;
constexpr std::uint64_t kFrame = 4096;
constexpr std::uint64_t k2MiB = std::uint64_t{1} << 21;
constexpr std::uint64_t k1GiB = std::uint64_t{1} << 30;
constexpr std::uint64_t k512GiB = std::uint64_t{1} << 39;

FrameRuns Runs(const std::vector<FrameRun>& runs) { return FrameRuns(runs.data(), runs.size()); }

std::uint64_t Bytes(DirectMapPageSize size) { return static_cast<std::uint64_t>(size); }

// Returns sorted, disjoint, non-adjacent runs of frames below 20 GiB, as UsableMemory
// makes them (frame 0 never usable); sizes mix single frames and whole GiBs.
rc::Gen<std::vector<FrameRun>> ArbitraryRam() {
  return rc::gen::exec([] {
    std::vector<FrameRun> runs;
    std::uint64_t at = 1;
    const int count = *rc::gen::inRange(1, 6);
    for (int i = 0; i < count; ++i) {
      const std::uint64_t scale = *rc::gen::element<std::uint64_t>(1, 512, 262144);
      const std::uint64_t gap = (i == 0 ? 0 : 1) + (*rc::gen::inRange<std::uint64_t>(0, 4) * scale);
      const std::uint64_t length = 1 + (*rc::gen::inRange<std::uint64_t>(0, 4) * scale) +
                                   *rc::gen::inRange<std::uint64_t>(0, 3);
      const std::uint64_t first = at + gap;
      if (first + length > (std::uint64_t{20} << 30) / kFrame) break;
      runs.push_back(FrameRun{first, first + length});
      at = first + length + 1;
    }
    return runs;
  });
}

// Returns up to three sorted, disjoint read-only runs below `end_frame` plus a margin:
// single frames, runs across a 2 MiB boundary, whole 2 MiB blocks and whole GiBs, mostly
// near the start of RAM (where the kernel image is).
rc::Gen<std::vector<FrameRun>> ArbitraryReadOnly(std::uint64_t end_frame) {
  return rc::gen::exec([end_frame] {
    std::vector<FrameRun> runs;
    std::uint64_t at = *rc::gen::element<std::uint64_t>(0, 0x100, 0x1ff, end_frame / 2);
    const int count = *rc::gen::inRange(0, 4);
    for (int i = 0; i < count; ++i) {
      const std::uint64_t scale = *rc::gen::element<std::uint64_t>(1, 64, 512, 262144);
      const std::uint64_t first = at + (*rc::gen::inRange<std::uint64_t>(0, 3) * scale);
      const std::uint64_t length = 1 + (*rc::gen::inRange<std::uint64_t>(0, 3) * scale) +
                                   *rc::gen::inRange<std::uint64_t>(0, 2);
      if (first + length > end_frame + 1024) break;
      runs.push_back(FrameRun{first, first + length});
      at = first + length;  // Adjacent runs are allowed: the plan needs only disjoint ones.
    }
    return runs;
  });
}

// Returns how many bytes of physical [start, end) lie in `runs`.
std::uint64_t BytesIn(const std::vector<FrameRun>& runs, std::uint64_t start, std::uint64_t end) {
  std::uint64_t bytes = 0;
  for (const FrameRun& run : runs) {
    const std::uint64_t low = std::max(start, run.first * kFrame);
    const std::uint64_t high = std::min(end, run.end * kFrame);
    bytes += high > low ? high - low : 0;
  }
  return bytes;
}

// The minimum number of tables, from RAM and the read-only runs alone: a block of a size
// needs a table of its own (a directory for 1 GiB, a table for 2 MiB) exactly when it holds
// RAM and cannot be one page: it runs past the end of RAM, mixes read-only and writable
// frames, or (1 GiB only) the CPU has no 1 GiB pages. One PDPT per 512 GiB holding RAM.
DirectMapTables ModelTables(const std::vector<FrameRun>& ram,
                            const std::vector<FrameRun>& read_only, bool gib_pages) {
  const std::uint64_t ram_end = ram.back().end * kFrame;
  const auto needs_own_table = [&](std::uint64_t start, std::uint64_t size) {
    const std::uint64_t ro = BytesIn(read_only, start, start + size);
    return start + size > ram_end || (ro != 0 && ro != size);
  };
  DirectMapTables model;
  for (std::uint64_t start = 0; start < ram_end; start += k512GiB) {
    if (BytesIn(ram, start, start + k512GiB) != 0) ++model.pdpts;
  }
  for (std::uint64_t start = 0; start < ram_end; start += k1GiB) {
    if (BytesIn(ram, start, start + k1GiB) == 0) continue;
    if (!gib_pages || needs_own_table(start, k1GiB)) ++model.directories;
  }
  for (std::uint64_t start = 0; start < ram_end; start += k2MiB) {
    if (BytesIn(ram, start, start + k2MiB) != 0 && needs_own_table(start, k2MiB)) ++model.tables;
  }
  return model;
}

TEST(DirectMapPlanProperty, CoversRamWithTheLargestPagesAndTheRightAccess) {
  EXPECT_TRUE(rc::check([] {
    const std::vector<FrameRun> ram = *ArbitraryRam();
    RC_PRE(!ram.empty());
    const std::vector<FrameRun> read_only = *ArbitraryReadOnly(ram.back().end);
    const bool gib_pages = *rc::gen::arbitrary<bool>();
    std::vector<DirectMapPage> pages;
    PlanDirectMap(Runs(ram), Runs(read_only), gib_pages,
                  [&pages](DirectMapPage page) { pages.push_back(page); });
    const std::uint64_t ram_end = ram.back().end * kFrame;
    std::uint64_t previous_end = 0;
    for (const DirectMapPage& page : pages) {
      const std::uint64_t size = Bytes(page.size);
      RC_ASSERT(page.start % size == 0);
      RC_ASSERT(page.start >= previous_end);
      RC_ASSERT(page.start + size <= ram_end);
      if (!gib_pages) RC_ASSERT(page.size != DirectMapPageSize::k1GiB);
      RC_ASSERT(BytesIn(ram, page.start, page.start + size) != 0);
      // One access per page, the read-only runs' own.
      const std::uint64_t ro = BytesIn(read_only, page.start, page.start + size);
      RC_ASSERT(ro == 0 || ro == size);
      RC_ASSERT(page.writable == (ro == 0));
      // The enclosing block of the next size would have been used if it could.
      if (page.size != DirectMapPageSize::k1GiB &&
          (gib_pages || page.size == DirectMapPageSize::k4KiB)) {
        const std::uint64_t parent = page.size == DirectMapPageSize::k4KiB ? k2MiB : k1GiB;
        const std::uint64_t block = page.start / parent * parent;
        const std::uint64_t block_ro = BytesIn(read_only, block, block + parent);
        RC_ASSERT(block + parent > ram_end || (block_ro != 0 && block_ro != parent));
      }
      previous_end = page.start + size;
    }
    // Every RAM frame is covered (checked run by run against the sorted pages).
    std::size_t index = 0;
    for (const FrameRun& run : ram) {
      for (std::uint64_t frame = run.first; frame < run.end;) {
        const std::uint64_t address = frame * kFrame;
        while (index < pages.size() && pages[index].start + Bytes(pages[index].size) <= address) {
          ++index;
        }
        RC_ASSERT(index < pages.size());
        RC_ASSERT(pages[index].start <= address);
        frame = (pages[index].start + Bytes(pages[index].size)) / kFrame;
      }
    }
    // The fewest tables: the plan's count is the model's, level by level.
    const DirectMapTables planned = PlannedTables(Runs(ram), Runs(read_only), gib_pages);
    const DirectMapTables model = ModelTables(ram, read_only, gib_pages);
    RC_ASSERT(planned.pdpts == model.pdpts);
    RC_ASSERT(planned.directories == model.directories);
    RC_ASSERT(planned.tables == model.tables);
  }));
}

// Every read-only RAM frame is read-only in the plan and its neighbours outside the runs
// are writable: the frames at both ends of each run and just past them.
TEST(DirectMapPlanProperty, ReadOnlyRunsAreReadOnlyAndTheirNeighboursWritable) {
  EXPECT_TRUE(rc::check([] {
    const std::vector<FrameRun> ram = *ArbitraryRam();
    RC_PRE(!ram.empty());
    const std::vector<FrameRun> read_only = *ArbitraryReadOnly(ram.back().end);
    const bool gib_pages = *rc::gen::arbitrary<bool>();
    std::vector<DirectMapPage> pages;
    PlanDirectMap(Runs(ram), Runs(read_only), gib_pages,
                  [&pages](DirectMapPage page) { pages.push_back(page); });
    const auto covering = [&pages](std::uint64_t frame) -> const DirectMapPage* {
      for (const DirectMapPage& page : pages) {
        if (page.start <= frame * kFrame && frame * kFrame < page.start + Bytes(page.size)) {
          return &page;
        }
      }
      return nullptr;
    };
    for (const FrameRun& run : read_only) {
      for (const std::uint64_t frame : {run.first, run.end - 1}) {
        if (BytesIn(ram, frame * kFrame, (frame + 1) * kFrame) == 0) continue;
        const DirectMapPage* page = covering(frame);
        RC_ASSERT(page != nullptr);
        RC_ASSERT(!page->writable);
      }
      std::vector<std::uint64_t> neighbours = {run.end};
      if (run.first != 0) neighbours.push_back(run.first - 1);
      for (const std::uint64_t frame : neighbours) {
        if (BytesIn(read_only, frame * kFrame, (frame + 1) * kFrame) != 0) continue;
        if (BytesIn(ram, frame * kFrame, (frame + 1) * kFrame) == 0) continue;
        const DirectMapPage* page = covering(frame);
        RC_ASSERT(page != nullptr);
        RC_ASSERT(page->writable);
      }
    }
  }));
}

TEST(DirectMapPlan, UsesTheLargestAllowedPage) {
  const std::vector<FrameRun> eight_gib = {{1, 0x9f}, {0x100, 0xc0000}, {0x100000, 0x240000}};
  const FrameRuns ram = Runs(eight_gib);
  const FrameRuns none;
  EXPECT_EQ(LargestPlannedPage(ram, none, true), DirectMapPageSize::k1GiB);
  EXPECT_EQ(LargestPlannedPage(ram, none, false), DirectMapPageSize::k2MiB);
  int gib = 0;
  PlanDirectMap(ram, none, true, [&gib](DirectMapPage page) {
    EXPECT_EQ(page.size, DirectMapPageSize::k1GiB);
    EXPECT_TRUE(page.writable);
    ++gib;
  });
  EXPECT_EQ(gib, 8);  // [0, 3 GiB) and [4 GiB, 9 GiB); the hole is not mapped.
  EXPECT_EQ(PlannedTables(ram, none, true).total(), 1U);
  // 32 MiB less a tail of 128 KiB: never a 1 GiB page past the end of RAM.
  const std::vector<FrameRun> small = {{1, 0x9f}, {0x100, 0x1fe0}};
  EXPECT_EQ(LargestPlannedPage(Runs(small), none, true), DirectMapPageSize::k2MiB);
}

// The kernel's case: an image at 1 MiB whose text and rodata (frames 0x101 to 0x12b) are
// read-only. The first 2 MiB become 4 KiB pages (frame 0 and the legacy hole left out),
// the rest keeps the largest pages.
TEST(DirectMapPlan, SplitsOnlyTheBlocksAroundTheImage) {
  const std::vector<FrameRun> image = {{0x101, 0x12c}};
  const std::vector<FrameRun> ram_128m = {{1, 0x9f}, {0x100, 0x7fe0}};
  std::vector<DirectMapPage> pages;
  PlanDirectMap(Runs(ram_128m), Runs(image), false,
                [&pages](DirectMapPage page) { pages.push_back(page); });
  std::uint64_t small_read_only = 0;
  std::uint64_t small_writable = 0;
  std::uint64_t large = 0;
  for (const DirectMapPage& page : pages) {
    if (page.size == DirectMapPageSize::k2MiB) {
      EXPECT_TRUE(page.writable);
      ++large;
    } else if (page.start < k2MiB) {
      ++(page.writable ? small_writable : small_read_only);
    }
  }
  EXPECT_EQ(small_read_only, 0x2bU);
  EXPECT_EQ(small_writable, 0x9eU + 1U + (0x200U - 0x12cU));
  EXPECT_EQ(large, 62U);  // [2 MiB, 126 MiB); the last 2 MiB runs past RAM.
  // PDPT, a directory, the table of the first 2 MiB and that of the tail.
  EXPECT_EQ(PlannedTables(Runs(ram_128m), Runs(image), false).total(), 4U);

  // 8 GiB with 1 GiB pages: only the first GiB is split, into 2 MiB pages and 4 KiB ones.
  const std::vector<FrameRun> ram_8g = {{1, 0x9f}, {0x100, 0xc0000}, {0x100000, 0x240000}};
  const DirectMapTables tables = PlannedTables(Runs(ram_8g), Runs(image), true);
  EXPECT_EQ(tables.pdpts, 1U);
  EXPECT_EQ(tables.directories, 1U);
  EXPECT_EQ(tables.tables, 1U);
  EXPECT_EQ(LargestPlannedPage(Runs(ram_8g), Runs(image), true), DirectMapPageSize::k1GiB);

  // A read-only run across a 2 MiB boundary splits both blocks.
  const std::vector<FrameRun> across = {{0x1f0, 0x210}};
  EXPECT_EQ(PlannedTables(Runs(ram_128m), Runs(across), false).tables, 3U);
}

}  // namespace
}  // namespace kernel::mm
