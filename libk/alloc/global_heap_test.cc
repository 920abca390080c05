// The global heap entry points, built three times: once linked with each allocator's
// library (see BUILD). The first argument names the design the test expects to get.
#include "libk/alloc/global_heap.h"

#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/testing/buffer_region_source.h"

namespace {

std::string expected_name;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

namespace global_heap = libk::alloc::global_heap;
using libk::alloc::testing::BufferRegionSource;
constexpr std::size_t kKiB = 1024;

TEST(GlobalHeapDeathTest, UseBeforeInitPanics) {
  EXPECT_DEATH((void)global_heap::AllocateOrPanic(8, 8),
               "heap used before it was initialised: 8 bytes, align 8");
}

TEST(GlobalHeapTest, IsTheLinkedDesign) {
  const libk::StringView name = global_heap::Name();
  EXPECT_EQ(std::string(name.data(), name.size()), expected_name);
}

TEST(GlobalHeapTest, AllocatesGrowsAndFrees) {
  static BufferRegionSource source(0, 16 * kKiB, 1 << 20);
  // SAFETY: the buffer lives until exit, as the global heap does.
  global_heap::Init(source.base(), 16 * kKiB, &source);
  std::vector<std::pair<void*, std::size_t>> blocks;
  for (std::size_t size = 1; size <= 64 * kKiB; size *= 2) {
    blocks.emplace_back(global_heap::AllocateOrPanic(size, 16), size);
  }
  EXPECT_GT(global_heap::Stats().grow_count, 0U);
  EXPECT_EQ(global_heap::Stats().live_allocations, blocks.size());
  // SAFETY: each block is freed once, with the size it was allocated with.
  for (auto [block, size] : blocks) global_heap::Deallocate(block, size, 16);
  EXPECT_EQ(global_heap::Stats().bytes_in_use, 0U);
  EXPECT_EQ(global_heap::Allocate(2 << 20, 16), nullptr);
  EXPECT_DEATH((void)global_heap::AllocateOrPanic(2 << 20, 16),
               "out of memory: 2097152 bytes, align 16 \\(heap ");
}

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (argc > 1) expected_name = argv[1];
  return RUN_ALL_TESTS();
}
