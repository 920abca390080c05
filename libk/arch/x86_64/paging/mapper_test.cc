// The mapper on simulated RAM, by example: each size maps and translates, each error
// comes back where it should (and changes nothing), tables appear zeroed and go away when
// empty, and a failed allocation gives back what it took.
#include "libk/arch/x86_64/paging/mapper.h"

#include <cstdint>

#include <gtest/gtest.h>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/internal/host_invalidate.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/testing/pool_frame_allocator.h"
#include "libk/arch/x86_64/paging/testing/simulated_ram.h"
#include "libk/testing/format_to_string.h"

namespace libk::x86_64::paging {
namespace {

using testing::PoolFrameAllocator;
using testing::SimulatedRam;

constexpr PageTableFlags kWritable = PageTableFlag::kWritable;
constexpr PageTableFlags kPresentWritable = PageTableFlag::kPresent | PageTableFlag::kWritable;

template <PageSize S>
Page<S> PageAt(std::uint64_t address) {
  return Page<S>::FromStartAddress(VirtAddr::New(address)).value();
}
template <PageSize S>
PhysFrame<S> FrameAt(std::uint64_t address) {
  return PhysFrame<S>::FromStartAddress(PhysAddr::New(address)).value();
}

// Simulated RAM at 16 MiB, a pool over it and a mapper whose root is the pool's first frame.
struct MapperTest : ::testing::Test {
  MapperTest()
      : ram(FrameAt<Size4KiB>(0x100'0000), 32),
        pool(ram.View()),
        root(pool.AllocateFrame().value()),
        mapper(root, ram.View()) {
    ram.View().TableAt(root).Zero();
  }

  // Returns the number of frames holding tables below the root.
  std::uint64_t Tables() const { return pool.used().size() - 1; }

  SimulatedRam ram;
  PoolFrameAllocator pool;
  PhysFrame<Size4KiB> root;
  Mapper<SimulatedPhysicalMemory> mapper;
};

TEST_F(MapperTest, MapsAndTranslatesEachSize) {
  // SAFETY: simulated page tables; no code runs on these mappings.
  mapper.MapTo(PageAt<Size4KiB>(0x40'0000'1000), FrameAt<Size4KiB>(0x5000), kWritable, pool)
      .value()
      .Ignore();
  EXPECT_EQ(Tables(), 3U);  // A P3, a P2 and a P1 table.
  // SAFETY: as above.
  mapper.MapTo(PageAt<Size2MiB>(0x40'0020'0000), FrameAt<Size2MiB>(0x20'0000), {}, pool)
      .value()
      .Ignore();
  EXPECT_EQ(Tables(), 3U);  // Shares the P3 and P2 tables.
  // SAFETY: as above.
  mapper
      .MapTo(PageAt<Size1GiB>(0xffff'ffff'c000'0000), FrameAt<Size1GiB>(0x4000'0000),
             PageTableFlag::kNoExecute, pool)
      .value()
      .Ignore();
  EXPECT_EQ(Tables(), 4U);  // A second P3 table.

  EXPECT_EQ(mapper.Translate(VirtAddr::New(0x40'0000'1234)).value(),
            (Translation{PhysAddr::New(0x5000), PageSizeKind::k4KiB, 0x234, kPresentWritable}));
  EXPECT_EQ(mapper.Translate(VirtAddr::New(0x40'002f'ffff)).value(),
            (Translation{PhysAddr::New(0x20'0000), PageSizeKind::k2MiB, 0xf'ffff,
                         PageTableFlag::kPresent | PageTableFlag::kHugePage}));
  const Translation huge = mapper.Translate(VirtAddr::New(0xffff'ffff'c123'4567)).value();
  EXPECT_EQ(huge.address(), PhysAddr::New(0x4123'4567));
  EXPECT_EQ(huge.FrameAs<Size1GiB>(),
            Optional<PhysFrame<Size1GiB>>(FrameAt<Size1GiB>(0x4000'0000)));
  EXPECT_FALSE(huge.FrameAs<Size2MiB>().has_value());
  EXPECT_EQ(mapper.Translate(VirtAddr::New(0x40'0000'0000)).error(), TranslateError::kNotMapped);
  EXPECT_EQ(mapper.TranslateAddr(VirtAddr::New(0x40'0000'1fff)),
            Optional<PhysAddr>(PhysAddr::New(0x5fff)));
}

TEST_F(MapperTest, NewTablesAreZeroedAndParentsArePermissive) {
  // SAFETY: simulated page tables; no code runs on these mappings.
  mapper.MapTo(PageAt<Size4KiB>(0x1000), FrameAt<Size4KiB>(0x5000), PageTableFlag::kUser, pool)
      .value()
      .Ignore();
  const PageTable& p4 = ram.View().TableAt(root);
  const PageTableEntry& p4_entry = p4[PageTableIndex::New(0)];
  EXPECT_EQ(p4_entry.flags(), kPresentWritable | PageTableFlag::kUser);
  const PageTable& p3 = ram.View().TableAt(PhysFrame<Size4KiB>::Containing(p4_entry.addr()));
  std::uint64_t used = 0;
  for (const PageTableEntry& entry : p3) used += entry.IsUnused() ? 0 : 1;
  EXPECT_EQ(used, 1U);  // The pool filled the frame with garbage; the mapper zeroed it.
}

TEST_F(MapperTest, ErrorsChangeNothing) {
  // SAFETY: simulated page tables; no code runs on these mappings.
  mapper.MapTo(PageAt<Size2MiB>(0x20'0000), FrameAt<Size2MiB>(0x20'0000), {}, pool)
      .value()
      .Ignore();
  const auto tables = Tables();
  // SAFETY: these calls fail, so they change nothing.
  EXPECT_EQ(mapper.MapTo(PageAt<Size2MiB>(0x20'0000), FrameAt<Size2MiB>(0), {}, pool).error(),
            MapError::kPageAlreadyMapped);
  EXPECT_EQ(mapper.MapTo(PageAt<Size4KiB>(0x20'1000), FrameAt<Size4KiB>(0), {}, pool).error(),
            MapError::kParentEntryHugePage);
  EXPECT_EQ(mapper.Unmap(PageAt<Size4KiB>(0x20'1000), pool).error(),
            UnmapError::kParentEntryHugePage);
  EXPECT_EQ(mapper.Unmap(PageAt<Size2MiB>(0x40'0000), pool).error(), UnmapError::kPageNotMapped);
  EXPECT_EQ(mapper.Unmap(PageAt<Size1GiB>(0), pool).error(), UnmapError::kSizeMismatch);
  EXPECT_EQ(mapper.UpdateFlags(PageAt<Size1GiB>(0), {}).error(), FlagUpdateError::kSizeMismatch);
  EXPECT_EQ(mapper.UpdateFlags(PageAt<Size4KiB>(0x30'0000), {}).error(),
            FlagUpdateError::kParentEntryHugePage);
  EXPECT_EQ(mapper.UpdateFlags(PageAt<Size4KiB>(0x8000'0000), {}).error(),
            FlagUpdateError::kPageNotMapped);
  EXPECT_EQ(Tables(), tables);
  EXPECT_EQ(mapper.Translate(VirtAddr::New(0x20'0000)).value().frame_start,
            PhysAddr::New(0x20'0000));
}

TEST_F(MapperTest, UnmapFreesEmptyTablesAndReturnsTheFrame) {
  // SAFETY: simulated page tables; no code runs on these mappings.
  mapper.MapTo(PageAt<Size4KiB>(0x1000), FrameAt<Size4KiB>(0x7000), {}, pool).value().Ignore();
  // SAFETY: as above.
  mapper.MapTo(PageAt<Size4KiB>(0x2000), FrameAt<Size4KiB>(0x8000), {}, pool).value().Ignore();
  EXPECT_EQ(Tables(), 3U);
  const auto before = internal::HostTlbInvalidations();
  // SAFETY: as above.
  Unmapped<Size4KiB> first = mapper.Unmap(PageAt<Size4KiB>(0x1000), pool).value();
  EXPECT_EQ(first.frame, FrameAt<Size4KiB>(0x7000));
  first.flush.Flush();
  EXPECT_EQ(internal::HostTlbInvalidations(), before + 1);
  EXPECT_EQ(Tables(), 3U);  // 0x2000 still uses them.
  // SAFETY: as above.
  mapper.Unmap(PageAt<Size4KiB>(0x2000), pool).value().flush.Ignore();
  EXPECT_EQ(Tables(), 0U);
  EXPECT_TRUE(ram.View().TableAt(root).IsEmpty());
  EXPECT_EQ(pool.errors(), 0U);
}

TEST_F(MapperTest, FailedAllocationGivesBackWhatItTook) {
  pool.set_budget(3);  // The root and two more: a 4 KiB page needs three.
  // SAFETY: the call fails, so it changes nothing.
  EXPECT_EQ(mapper.MapTo(PageAt<Size4KiB>(0x1000), FrameAt<Size4KiB>(0), {}, pool).error(),
            MapError::kFrameAllocationFailed);
  EXPECT_EQ(Tables(), 0U);
  EXPECT_TRUE(ram.View().TableAt(root).IsEmpty());
  // A 2 MiB page needs only two.
  // SAFETY: simulated page tables; no code runs on these mappings.
  mapper.MapTo(PageAt<Size2MiB>(0), FrameAt<Size2MiB>(0), {}, pool).value().Ignore();
  EXPECT_EQ(Tables(), 2U);
}

TEST_F(MapperTest, UpdateFlagsKeepsTheFrame) {
  // SAFETY: simulated page tables; no code runs on these mappings.
  mapper.MapTo(PageAt<Size4KiB>(0x1000), FrameAt<Size4KiB>(0x9000), {}, pool).value().Ignore();
  // SAFETY: as above.
  mapper.UpdateFlags(PageAt<Size4KiB>(0x1000), PageTableFlag::kUser | PageTableFlag::kNoExecute)
      .value()
      .Ignore();
  const Translation translation = mapper.Translate(VirtAddr::New(0x1000)).value();
  EXPECT_EQ(translation.frame_start, PhysAddr::New(0x9000));
  EXPECT_EQ(translation.flags,
            PageTableFlag::kPresent | PageTableFlag::kUser | PageTableFlag::kNoExecute);
  // The user bit reached the parents, or the page would stay out of user mode's reach.
  EXPECT_TRUE(
      ram.View().TableAt(root)[PageTableIndex::New(0)].flags().Contains(PageTableFlag::kUser));
}

TEST_F(MapperTest, BrokenEntriesAreReportedNotFollowed) {
  // SAFETY: simulated page tables; no code runs on these mappings.
  mapper.MapTo(PageAt<Size2MiB>(0x20'0000), FrameAt<Size2MiB>(0x20'0000), {}, pool)
      .value()
      .Ignore();
  // Point the 2 MiB entry at a 4 KiB-aligned address, as a stray write might.
  PageTable& p4 = ram.View().TableAt(root);
  PageTable& p3 =
      ram.View().TableAt(PhysFrame<Size4KiB>::Containing(p4[PageTableIndex::New(0)].addr()));
  PageTable& p2 =
      ram.View().TableAt(PhysFrame<Size4KiB>::Containing(p3[PageTableIndex::New(0)].addr()));
  PageTableEntry& entry = p2[PageTableIndex::New(1)];
  entry.SetAddr(PhysAddr::New(0x20'1000), entry.flags());
  EXPECT_EQ(mapper.Translate(VirtAddr::New(0x20'0000)).error(), TranslateError::kInvalidEntry);
  // SAFETY: the call fails, so it changes nothing.
  EXPECT_EQ(mapper.Unmap(PageAt<Size2MiB>(0x20'0000), pool).error(),
            UnmapError::kInvalidFrameAddress);
  // A P4 entry with the huge-page bit is not a page.
  p4[PageTableIndex::New(1)] = PageTableEntry::FromBits(0x83);
  EXPECT_EQ(mapper.Translate(VirtAddr::New(0x80'0000'0000)).error(), TranslateError::kInvalidEntry);
}

TEST_F(MapperTest, TablesOutsideMemoryPanic) {
  ram.View().TableAt(root)[PageTableIndex::New(0)] = PageTableEntry::FromBits(0x1234'5000 | 3);
  EXPECT_DEATH(static_cast<void>(mapper.Translate(VirtAddr::New(0x1000))),
               "PhysFrame<4KiB>\\(PhysAddr\\(0x12345000\\)\\) is outside the simulated memory");
}

TEST(MapperFormat, Errors) {
  using libk::testing::FormatToString;
  EXPECT_EQ(FormatToString("{}", MapError::kParentEntryHugePage), "parent entry is a huge page");
  EXPECT_EQ(FormatToString("{}", UnmapError::kSizeMismatch), "mapped with smaller pages");
  EXPECT_EQ(FormatToString("{}", FlagUpdateError::kPageNotMapped), "page not mapped");
  EXPECT_EQ(FormatToString("{}", TranslateError::kInvalidEntry), "invalid entry");
  EXPECT_EQ(FormatToString("{}", Translation{PhysAddr::New(0x20'0000), PageSizeKind::k2MiB, 0x123,
                                             PageTableFlag::kPresent | PageTableFlag::kHugePage}),
            "Translation(PhysAddr(0x200000) + 0x123, 2MiB, PRESENT | HUGE_PAGE)");
}

}  // namespace
}  // namespace libk::x86_64::paging
