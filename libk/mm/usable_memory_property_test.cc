// UsableMemory against a per-frame model over random messy memory maps: the runs are
// sorted, disjoint and not adjacent, hold exactly the model's frames, and do not depend
// on the order of the map's entries.
#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/mm/testing/memory_maps.h"
#include "libk/mm/usable_memory.h"
#include "libk/multiboot2/values.h"

namespace libk::mm {
namespace {

using multiboot2::MemoryRegion;
using multiboot2::MemoryType;

std::set<std::uint64_t> FramesOf(const UsableMemory& memory) {
  std::set<std::uint64_t> frames;
  for (const UsableMemory::Run& run : memory.runs()) {
    for (std::uint64_t frame = run.first; frame < run.end; ++frame) frames.insert(frame);
  }
  return frames;
}

TEST(UsableMemoryProperty, HoldsExactlyTheModelsFrames) {
  EXPECT_TRUE(rc::check([] {
    // At most 24 entries: the runs can never exceed UsableMemory::kMaxRanges.
    const auto regions = *testing::ArbitraryMemoryMap(24);
    const auto memory = UsableMemory::FromMemoryMap(regions);
    RC_ASSERT(memory.is_ok());
    const auto& runs = memory.value().runs();
    for (std::size_t i = 0; i < runs.size(); ++i) {
      RC_ASSERT(runs[i].first < runs[i].end);
      if (i > 0) RC_ASSERT(runs[i - 1].end < runs[i].first);  // Sorted, apart, merged.
    }
    const std::set<std::uint64_t> model = testing::ModelUsableFrames(regions);
    RC_ASSERT(FramesOf(memory.value()) == model);
    RC_ASSERT(memory.value().frame_count() == model.size());
    RC_TAG(model.empty() ? "no usable frame" : "usable frames");

    // Any order of the entries gives the same runs.
    std::vector<MemoryRegion> shuffled = regions;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(*rc::gen::arbitrary<unsigned>()));
    const auto again = UsableMemory::FromMemoryMap(shuffled);
    RC_ASSERT(again.is_ok());
    RC_ASSERT(again.value().runs() == runs);
  }));
}

TEST(UsableMemory, ReservedWinsAndFramesRoundInward) {
  const std::vector<MemoryRegion> regions = {
      {0x10'0800, 0x2000, MemoryType::kAvailable},  // Holds one whole frame: 0x101000.
      {0x20'0000, 0x10'0000, MemoryType::kAvailable},
      {0x24'0fff, 2, MemoryType::kReserved},    // Touches 0x240000 and 0x241000.
      {0x28'0000, 0, MemoryType::kBadMemory},   // Zero length: blocks nothing.
      {0x0, 0x9'fc00, MemoryType::kAvailable},  // Frame 0 is never usable.
  };
  const UsableMemory memory = UsableMemory::FromMemoryMap(regions).value();
  const std::vector<UsableMemory::Run> expected = {
      {0x1, 0x9f}, {0x101, 0x102}, {0x200, 0x240}, {0x242, 0x300}};
  ASSERT_EQ(memory.runs().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(memory.runs()[i], expected[i]);
  EXPECT_TRUE(memory.Contains(0x242));
  EXPECT_FALSE(memory.Contains(0x241));
}

TEST(UsableMemory, TooManyRangesIsAnError) {
  std::vector<MemoryRegion> regions;
  for (std::uint64_t i = 0; i <= UsableMemory::kMaxRanges; ++i) {
    regions.push_back({(2 * i + 1) * 0x1000, 0x1000, MemoryType::kAvailable});
  }
  EXPECT_EQ(UsableMemory::FromMemoryMap(regions).error(), FrameAllocatorError::kTooManyRanges);
  regions.pop_back();
  EXPECT_TRUE(UsableMemory::FromMemoryMap(regions).is_ok());
  // Splitting a full list is refused too.
  regions.back() = {(2 * UsableMemory::kMaxRanges - 1) * 0x1000, 0x3000, MemoryType::kAvailable};
  regions.push_back({(2 * UsableMemory::kMaxRanges) * 0x1000, 1, MemoryType::kReserved});
  EXPECT_EQ(UsableMemory::FromMemoryMap(regions).error(), FrameAllocatorError::kTooManyRanges);
}

}  // namespace
}  // namespace libk::mm
