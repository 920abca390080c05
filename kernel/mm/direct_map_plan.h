// The plan of the direct map: which pages of which size cover physical RAM, and which of
// them are read-only (the frames of the kernel image's text and rodata, so that no
// writable alias of kernel code exists). Pure (no hardware), so the host tests it against
// its laws for any RAM layout, read-only set and CPU; address_space.cc maps what it plans.
#pragma once

#include <cstdint>

#include "libk/containers/span.h"
#include "libk/mm/usable_memory.h"

namespace kernel::mm {

// A page size of the direct map, in bytes.
enum class DirectMapPageSize : std::uint64_t {
  k4KiB = std::uint64_t{1} << 12,
  k2MiB = std::uint64_t{1} << 21,
  k1GiB = std::uint64_t{1} << 30,
};

// One page of the plan: physical [start, start + size), writable or read-only (never
// executable either way).
struct DirectMapPage {
  std::uint64_t start = 0;
  DirectMapPageSize size = DirectMapPageSize::k4KiB;
  bool writable = true;
};

// Runs of frames [first, end), by frame number, as UsableMemory has them.
using FrameRuns = libk::Span<const libk::mm::UsableMemory::Run>;
using RamRuns = FrameRuns;

// The tables a plan needs below the P4, level by level.
struct DirectMapTables {
  std::uint64_t pdpts = 0;        // One per 512 GiB that holds a page.
  std::uint64_t directories = 0;  // One per 1 GiB that holds a page smaller than 1 GiB.
  std::uint64_t tables = 0;       // One per 2 MiB that holds a 4 KiB page.
  std::uint64_t total() const { return pdpts + directories + tables; }
};

namespace internal {

inline constexpr std::uint64_t kFrameBytes = 4096;
inline constexpr auto k2MiB = static_cast<std::uint64_t>(DirectMapPageSize::k2MiB);
inline constexpr auto k1GiB = static_cast<std::uint64_t>(DirectMapPageSize::k1GiB);
inline constexpr std::uint64_t k512GiB = std::uint64_t{1} << 39;

// Returns how many bytes of physical [start, end) lie in `runs` (disjoint).
inline std::uint64_t BytesIn(FrameRuns runs, std::uint64_t start, std::uint64_t end) {
  std::uint64_t bytes = 0;
  for (const auto& run : runs) {
    const std::uint64_t low = run.first * kFrameBytes > start ? run.first * kFrameBytes : start;
    const std::uint64_t high = run.end * kFrameBytes < end ? run.end * kFrameBytes : end;
    if (low < high) bytes += high - low;
  }
  return bytes;
}

// Returns whether physical [start, end) holds a byte of `ram`.
inline bool HoldsRam(RamRuns ram, std::uint64_t start, std::uint64_t end) {
  return BytesIn(ram, start, end) != 0;
}

// What `read_only` makes of physical [start, end).
enum class Access : std::uint8_t { kWritable, kReadOnly, kMixed };

inline Access AccessOf(FrameRuns read_only, std::uint64_t start, std::uint64_t end) {
  const std::uint64_t bytes = BytesIn(read_only, start, end);
  if (bytes == 0) return Access::kWritable;
  return bytes == end - start ? Access::kReadOnly : Access::kMixed;
}

// Plans the 2 MiB block at `block` (which holds RAM): one page if it ends by `ram_end`
// and its frames share one access, else a 4 KiB page for each frame that holds RAM.
template <typename Visit>
void PlanBlock(RamRuns ram, FrameRuns read_only, std::uint64_t block, std::uint64_t ram_end,
               Visit& visit) {
  const Access access = AccessOf(read_only, block, block + k2MiB);
  if (block + k2MiB <= ram_end && access != Access::kMixed) {
    visit(DirectMapPage{block, DirectMapPageSize::k2MiB, access == Access::kWritable});
    return;
  }
  for (std::uint64_t page = block; page < block + k2MiB && page < ram_end; page += kFrameBytes) {
    if (HoldsRam(ram, page, page + kFrameBytes)) {
      const bool writable = AccessOf(read_only, page, page + kFrameBytes) == Access::kWritable;
      visit(DirectMapPage{page, DirectMapPageSize::k4KiB, writable});
    }
  }
}

}  // namespace internal

// Calls `visit(DirectMapPage)` for each page that covers physical RAM `ram` (sorted,
// disjoint runs of frames), in address order. Frames in `read_only` (disjoint runs) are
// mapped read-only, all others writable. Up to the end of the last run, every aligned
// 1 GiB block (2 MiB without `gib_pages`) that holds some RAM, ends by that end and whose
// frames are all read-only or all writable is one page; any other block is split into the
// next size down; a block without RAM is skipped. So nothing at or past the end of RAM is
// mapped, no page mixes read-only and writable frames, and the fewest pages (and tables)
// do it: only the blocks around the read-only runs and the end of RAM are split. A hole
// inside a page (the legacy VGA and BIOS area below 1 MiB) is covered with it; a 4 KiB
// page without RAM is not mapped.
template <typename Visit>
void PlanDirectMap(RamRuns ram, FrameRuns read_only, bool gib_pages, Visit visit) {
  using internal::k1GiB;
  using internal::k2MiB;
  if (ram.empty()) return;
  const std::uint64_t ram_end = ram[ram.size() - 1].end * internal::kFrameBytes;
  for (std::uint64_t gib = 0; gib < ram_end; gib += k1GiB) {
    if (!internal::HoldsRam(ram, gib, gib + k1GiB)) continue;
    const internal::Access access = internal::AccessOf(read_only, gib, gib + k1GiB);
    if (gib_pages && gib + k1GiB <= ram_end && access != internal::Access::kMixed) {
      visit(DirectMapPage{gib, DirectMapPageSize::k1GiB, access == internal::Access::kWritable});
      continue;
    }
    for (std::uint64_t block = gib; block < gib + k1GiB && block < ram_end; block += k2MiB) {
      if (internal::HoldsRam(ram, block, block + k2MiB)) {
        internal::PlanBlock(ram, read_only, block, ram_end, visit);
      }
    }
  }
}

// Returns the largest page size the plan uses.
inline DirectMapPageSize LargestPlannedPage(RamRuns ram, FrameRuns read_only, bool gib_pages) {
  DirectMapPageSize largest = DirectMapPageSize::k4KiB;
  PlanDirectMap(ram, read_only, gib_pages, [&largest](DirectMapPage page) {
    if (page.size > largest) largest = page.size;
  });
  return largest;
}

// Returns the tables that mapping the plan takes below the P4: the parents of its pages
// (pages come in address order, so equal parents are neighbours).
inline DirectMapTables PlannedTables(RamRuns ram, FrameRuns read_only, bool gib_pages) {
  DirectMapTables tables;
  std::uint64_t last_pdpt = ~std::uint64_t{0};
  std::uint64_t last_directory = ~std::uint64_t{0};
  std::uint64_t last_table = ~std::uint64_t{0};
  PlanDirectMap(ram, read_only, gib_pages, [&](DirectMapPage page) {
    const auto count = [](std::uint64_t parent, std::uint64_t& last, std::uint64_t& counter) {
      if (parent != last) ++counter;
      last = parent;
    };
    count(page.start / internal::k512GiB, last_pdpt, tables.pdpts);
    if (page.size != DirectMapPageSize::k1GiB) {
      count(page.start / internal::k1GiB, last_directory, tables.directories);
    }
    if (page.size == DirectMapPageSize::k4KiB) {
      count(page.start / internal::k2MiB, last_table, tables.tables);
    }
  });
  return tables;
}

}  // namespace kernel::mm
