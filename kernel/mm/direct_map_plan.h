// The plan of the direct map: which pages of which size cover physical RAM. Pure (no
// hardware), so the host tests it against its laws for any RAM layout and CPU;
// address_space.cc maps what it plans.
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

// One page of the plan: physical [start, start + size).
struct DirectMapPage {
  std::uint64_t start = 0;
  DirectMapPageSize size = DirectMapPageSize::k4KiB;
};

using RamRuns = libk::Span<const libk::mm::UsableMemory::Run>;

namespace internal {

inline constexpr std::uint64_t kFrameBytes = 4096;

// Returns whether physical [start, end) holds a byte of `ram`.
inline bool HoldsRam(RamRuns ram, std::uint64_t start, std::uint64_t end) {
  for (const auto& run : ram) {
    if (run.first * kFrameBytes < end && start < run.end * kFrameBytes) return true;
  }
  return false;
}

inline constexpr auto k2MiB = static_cast<std::uint64_t>(DirectMapPageSize::k2MiB);
inline constexpr auto k1GiB = static_cast<std::uint64_t>(DirectMapPageSize::k1GiB);

// Plans the 1 GiB block at `start` with 2 MiB pages, and 4 KiB pages where a 2 MiB block
// runs past `ram_end`; skips blocks and pages without RAM.
template <typename Visit>
void PlanWithSmallerPages(RamRuns ram, std::uint64_t start, std::uint64_t ram_end, Visit& visit) {
  for (std::uint64_t block = start; block < start + k1GiB && block < ram_end; block += k2MiB) {
    if (!HoldsRam(ram, block, block + k2MiB)) continue;
    if (block + k2MiB <= ram_end) {
      visit(DirectMapPage{block, DirectMapPageSize::k2MiB});
      continue;
    }
    for (std::uint64_t page = block; page < ram_end; page += kFrameBytes) {
      if (HoldsRam(ram, page, page + kFrameBytes)) {
        visit(DirectMapPage{page, DirectMapPageSize::k4KiB});
      }
    }
  }
}

}  // namespace internal

// Calls `visit(DirectMapPage)` for each page that covers physical RAM `ram` (sorted,
// disjoint runs of frames, as UsableMemory has them), in address order. Up to the end of
// the last run, every aligned 1 GiB block (2 MiB without `gib_pages`) that holds some RAM
// and ends by that end is one page; a block that runs past the end is split into the next
// size down; a block without RAM is skipped. So nothing at or past the end of RAM is
// mapped, and the fewest pages (and tables) cover it. A hole inside a block (the legacy
// VGA and BIOS area below 1 MiB) is covered with the block.
template <typename Visit>
void PlanDirectMap(RamRuns ram, bool gib_pages, Visit visit) {
  if (ram.empty()) return;
  const std::uint64_t ram_end = ram[ram.size() - 1].end * internal::kFrameBytes;
  for (std::uint64_t block = 0; block < ram_end; block += internal::k1GiB) {
    if (!internal::HoldsRam(ram, block, block + internal::k1GiB)) continue;
    if (gib_pages && block + internal::k1GiB <= ram_end) {
      visit(DirectMapPage{block, DirectMapPageSize::k1GiB});
    } else {
      internal::PlanWithSmallerPages(ram, block, ram_end, visit);
    }
  }
}

// Returns the largest page size the plan uses for `ram`.
inline DirectMapPageSize LargestPlannedPage(RamRuns ram, bool gib_pages) {
  DirectMapPageSize largest = DirectMapPageSize::k4KiB;
  PlanDirectMap(ram, gib_pages, [&largest](DirectMapPage page) {
    if (page.size > largest) largest = page.size;
  });
  return largest;
}

}  // namespace kernel::mm
