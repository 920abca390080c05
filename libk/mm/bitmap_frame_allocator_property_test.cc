// BitmapFrameAllocator over random messy memory maps with random in-use ranges: the
// bitmap lands where it should (or the allocator says there is no room, exactly when
// there is none), no frame is handed out twice, no frame is ever outside usable memory,
// in use or the bitmap's own, every such frame is eventually handed out, the counts
// always add up, and freed and released frames come back. The model and the harness live
// in testing/frame_model.h, shared with the frame allocator fuzzer.
#include <cstdint>
#include <set>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/mm/testing/frame_model.h"
#include "libk/mm/testing/memory_maps.h"
#include "libk/mm/usable_memory.h"

namespace libk::mm {
namespace {

using testing::FrameAllocatorHarness;
using testing::MapSetup;

MapSetup ArbitrarySetup() {
  MapSetup setup;
  setup.regions = *testing::ArbitraryMemoryMap(24);
  setup.in_use = *rc::gen::resize(
      6, rc::gen::container<std::vector<PhysRange>>(testing::ArbitraryInUseRange()));
  setup.limit = *rc::gen::elementOf(std::vector<std::uint64_t>{0x10'0000, 0x100'0000, 0x4000'0000,
                                                               (std::uint64_t{1} << 52) - 0x1000});
  return setup;
}

TEST(BitmapFrameAllocatorProperty, HandsOutEveryFreeFrameOnceAndNothingElse) {
  EXPECT_TRUE(rc::check([] {
    FrameAllocatorHarness harness(ArbitrarySetup());
    if (!harness.created()) {
      RC_TAG("no room for the bitmap");
      return;
    }
    const std::size_t usable = harness.usable().size();
    RC_TAG(usable == 0 ? "empty" : usable < 1000 ? "small" : "large");

    // Take every frame, each once, each free in the model; then nothing is left.
    const std::set<std::uint64_t> taken = harness.TakeAll();

    // Free a random half, then take them back: the same frames return.
    std::set<std::uint64_t> returned;
    for (const std::uint64_t number : taken) {
      if (*rc::gen::arbitrary<bool>()) {
        harness.FreeFrame(number);
        returned.insert(number);
      }
    }
    RC_ASSERT(harness.TakeAll() == returned);

    // Released in-use ranges become free frames, and only they do.
    harness.ReleaseInUse();
    harness.TakeAll();
    harness.CheckAllHandedOut();
  }));
}

TEST(BitmapFrameAllocatorProperty, InterleavedAllocationsAgreeWithAModel) {
  EXPECT_TRUE(rc::check([] {
    MapSetup setup = ArbitrarySetup();
    setup.limit = 0xffff'ffff;
    FrameAllocatorHarness harness(setup);
    RC_PRE(harness.created());
    const auto steps =
        *rc::gen::container<std::vector<std::uint16_t>>(rc::gen::arbitrary<std::uint16_t>());
    for (const std::uint16_t step : steps) {
      if (step % 3 != 0 || harness.held().empty()) {
        harness.Allocate();
      } else {
        harness.Free(step);
      }
    }
    while (!harness.held().empty()) harness.Free(0);
  }));
}

}  // namespace
}  // namespace libk::mm
