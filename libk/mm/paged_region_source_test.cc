// PagedRegionSource over simulated page tables: what Init and Grow map (checked through
// Translate), the guard pages, the limit, and all-or-nothing growth when frames run out.
#include "libk/mm/paged_region_source.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "libk/alloc/fixed_block_allocator.h"
#include "libk/alloc/heap_stats.h"
#include "libk/alloc/region.h"
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/testing/pool_frame_allocator.h"
#include "libk/arch/x86_64/paging/testing/simulated_ram.h"
#include "libk/mm/testing/heap_range.h"

namespace libk::mm {
namespace {

using namespace x86_64::paging;  // NOLINT(google-build-using-namespace)
using testing::HeapRangeBuffer;
using x86_64::paging::testing::PoolFrameAllocator;
using x86_64::paging::testing::SimulatedRam;

using Access = PagingRefs<SimulatedPhysicalMemory, PoolFrameAllocator>;
using Source = PagedRegionSource<Access>;

constexpr std::size_t kPage = 4096;
constexpr std::size_t kKiB = 1024;
constexpr std::uint64_t kReservedPages = 2 + 64;  // 256 KiB between the guard pages.

class PagedRegionSourceTest : public ::testing::Test {
 protected:
  PagedRegionSourceTest()
      : root_(frames_.AllocateFrame().value()),
        mapper_(root_, ram_.View()),
        source_(Access(mapper_, frames_), kReserved, 200 * kKiB, buffer_.data()) {
    ram_.View().TableAt(root_).Zero();
  }

  // Returns the frames of every page table in the tree (the root included).
  std::set<std::uint64_t> TableFrames() const {
    std::set<std::uint64_t> tables;
    std::vector<std::pair<PhysFrame<Size4KiB>, unsigned>> pending = {{root_, 4}};
    while (!pending.empty()) {
      const auto [table, level] = pending.back();
      pending.pop_back();
      tables.insert(table.StartAddress().value());
      if (level == 1) continue;
      for (const PageTableEntry& entry : mapper_.memory().TableAt(table)) {
        if (entry.IsPresent()) {
          pending.emplace_back(PhysFrame<Size4KiB>::Containing(entry.addr()), level - 1);
        }
      }
    }
    return tables;
  }

  // Checks the source's invariant: exactly the first mapped_bytes() of the usable range
  // are mapped, writable and not executable, each to a distinct frame that is no table.
  void ExpectMappedExactly(std::size_t bytes) const {
    EXPECT_EQ(source_.mapped_bytes(), bytes);
    const std::set<std::uint64_t> tables = TableFrames();
    std::set<std::uint64_t> heap_frames;
    std::size_t index = 0;
    for (const Page<Size4KiB> page : kReserved) {
      const bool guard = index == 0 || index == kReservedPages - 1;
      const bool in_region = !guard && (index - 1) * kPage < bytes;
      const auto translation = mapper_.Translate(page.StartAddress());
      ++index;
      if (!in_region) {
        EXPECT_TRUE(translation.is_error()) << "page " << index - 1 << " is mapped";
        continue;
      }
      ASSERT_TRUE(translation.is_ok()) << "page " << index - 1 << " is not mapped";
      const Translation t = translation.value();
      EXPECT_EQ(t.size, PageSizeKind::k4KiB);
      EXPECT_TRUE(t.flags.Contains(PageTableFlag::kWritable | PageTableFlag::kNoExecute));
      const std::uint64_t frame = t.frame_start.value();
      EXPECT_TRUE(heap_frames.insert(frame).second) << "frame " << frame << " mapped twice";
      EXPECT_EQ(tables.count(frame), 0U) << "frame " << frame << " is a page table too";
    }
    // Every frame taken from the allocator is a table or a heap page; no leak.
    EXPECT_EQ(frames_.used().size(), tables.size() + heap_frames.size());
    EXPECT_EQ(frames_.errors(), 0U);
  }

  Source& source() { return source_; }
  PoolFrameAllocator& frames() { return frames_; }
  Mapper<SimulatedPhysicalMemory>& mapper() { return mapper_; }
  std::byte* buffer() const { return buffer_.data(); }

  static inline const PageRange<Size4KiB> kReserved{
      Page<Size4KiB>::Containing(VirtAddr::New(0xffff'c000'0000'0000)), kReservedPages};

 private:
  SimulatedRam ram_{PhysFrame<Size4KiB>::Containing(PhysAddr::New(0x4000'0000)), 256};
  PoolFrameAllocator frames_{ram_.View()};
  PhysFrame<Size4KiB> root_;
  Mapper<SimulatedPhysicalMemory> mapper_;
  HeapRangeBuffer buffer_{kReservedPages};
  Source source_;
};

TEST_F(PagedRegionSourceTest, InitMapsTheFirstPagesBetweenTheGuards) {
  ExpectMappedExactly(0);
  const auto start = source().Init(10000);
  ASSERT_TRUE(start.is_ok());
  EXPECT_EQ(start.value(), buffer() + kPage) << "the region starts after the guard page";
  ExpectMappedExactly(3 * kPage);
  EXPECT_EQ(source().limit_bytes(), 200 * kKiB);
}

TEST_F(PagedRegionSourceTest, GrowsAtLeast64KiBAtItsEnd) {
  ASSERT_TRUE(source().Init(kPage).is_ok());
  const auto grown = source().Grow(source().start() + kPage, 100);
  ASSERT_TRUE(grown.is_ok());
  EXPECT_EQ(grown.value(), Source::kGrowBytes);
  ExpectMappedExactly(kPage + Source::kGrowBytes);
  const auto large = source().Grow(source().start() + source().mapped_bytes(), 70 * kKiB);
  ASSERT_TRUE(large.is_ok());
  EXPECT_EQ(large.value(), 72 * kKiB) << "whole pages, at least what was asked";
  ExpectMappedExactly(kPage + Source::kGrowBytes + (72 * kKiB));
}

TEST_F(PagedRegionSourceTest, StopsAtTheLimitAndRefusesBeyondItChangingNothing) {
  ASSERT_TRUE(source().Init(152 * kKiB).is_ok());
  // 48 KiB are left: less than a full step, so Grow maps just what remains.
  EXPECT_TRUE(source().Grow(source().start() + source().mapped_bytes(), 60 * kKiB).is_error());
  ExpectMappedExactly(152 * kKiB);
  const auto rest = source().Grow(source().start() + source().mapped_bytes(), 1);
  ASSERT_TRUE(rest.is_ok());
  EXPECT_EQ(rest.value(), 48 * kKiB);
  ExpectMappedExactly(200 * kKiB);
  EXPECT_TRUE(source().Grow(source().start() + source().mapped_bytes(), 1).is_error());
  ExpectMappedExactly(200 * kKiB);
}

TEST_F(PagedRegionSourceTest, LimitIsCappedToTheRangeBetweenTheGuardPages) {
  const HeapRangeBuffer buffer(kReservedPages);
  Source wide(Access(mapper(), frames()), kReserved, std::size_t{1} << 40, buffer.data());
  EXPECT_EQ(wide.limit_bytes(), (kReservedPages - 2) * kPage);
  ASSERT_TRUE(wide.Init(wide.limit_bytes()).is_ok());
  EXPECT_TRUE(wide.Grow(wide.start() + wide.mapped_bytes(), 1).is_error());
  // The upper guard page stays unmapped.
  EXPECT_TRUE(
      mapper().Translate((kReserved.start() + (kReservedPages - 1)).StartAddress()).is_error());
}

TEST_F(PagedRegionSourceTest, InitPastTheLimitOrWithoutFramesMapsNothing) {
  EXPECT_TRUE(source().Init(201 * kKiB).is_error());
  ExpectMappedExactly(0);
  // Room for the three tables and two pages, not three.
  frames().set_budget(frames().used().size() + 5);
  EXPECT_TRUE(source().Init(3 * kPage).is_error());
  ExpectMappedExactly(0);
  EXPECT_EQ(frames().used().size(), 1U) << "the tables taken were given back";
}

TEST_F(PagedRegionSourceTest, GrowingWithoutEnoughFramesIsAllOrNothing) {
  ASSERT_TRUE(source().Init(kPage).is_ok());
  // Tables exist now; 5 more frames: not a full 16-page step, but enough for 12 KiB.
  frames().set_budget(frames().used().size() + 5);
  const auto grown = source().Grow(source().start() + kPage, 12 * kKiB);
  ASSERT_TRUE(grown.is_ok());
  EXPECT_EQ(grown.value(), 12 * kKiB) << "fell back to what the request needs";
  ExpectMappedExactly(4 * kPage);
  const std::size_t used = frames().used().size();
  EXPECT_TRUE(source().Grow(source().start() + (4 * kPage), 12 * kKiB).is_error());
  ExpectMappedExactly(4 * kPage);
  EXPECT_EQ(frames().used().size(), used) << "the frames taken half-way were freed";
}

TEST_F(PagedRegionSourceTest, GrowFromAnywhereButTheEndPanics) {
  ASSERT_TRUE(source().Init(kPage).is_ok());
  EXPECT_DEATH(static_cast<void>(source().Grow(source().start(), 1)), "the heap grew from");
}

TEST_F(PagedRegionSourceTest, ServesAnAllocatorThatWritesEveryByte) {
  const auto start = source().Init(kPage);
  ASSERT_TRUE(start.is_ok());
  HeapRangeBuffer::Unpoison(start.value(), kPage);
  testing::UnpoisoningSource unpoisoning(source());
  alloc::FixedBlockAllocator heap;
  // SAFETY: the buffer stands for the region and outlives the allocator.
  heap.Init(start.value(), kPage, &unpoisoning);
  std::size_t blocks = 0;
  while (void* block = heap.Allocate(3000, 16)) {
    std::byte* bytes = alloc::BytesOf(block);
    for (std::size_t i = 0; i < 3000; ++i) bytes[i] = std::byte{0x5a};
    ++blocks;
  }
  EXPECT_GT(blocks, 60U);
  EXPECT_EQ(heap.Stats().region_bytes, source().limit_bytes());
  ExpectMappedExactly(source().limit_bytes());
}

}  // namespace
}  // namespace libk::mm
