// Page<S> and PhysFrame<S>: built only aligned, Containing rounds down, arithmetic stays
// canonical, and ranges iterate exactly the pages they cover.
#include "libk/arch/x86_64/paging/page.h"

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/testing/format_to_string.h"

namespace libk::x86_64::paging {
namespace {

using libk::testing::FormatToString;

// No public constructor from an address: the only ways in are the checked factories.
static_assert(!std::is_constructible_v<Page<Size4KiB>, VirtAddr>);
static_assert(!std::is_constructible_v<PhysFrame<Size2MiB>, PhysAddr>);
static_assert(!std::is_constructible_v<PhysFrame<Size2MiB>, std::uint64_t>);
static_assert(!std::is_default_constructible_v<PhysFrame<Size4KiB>>);
// Sizes do not convert into each other.
static_assert(!std::is_convertible_v<PhysFrame<Size4KiB>, PhysFrame<Size2MiB>>);
static_assert(!std::is_convertible_v<Page<Size1GiB>, Page<Size2MiB>>);
static_assert(PageSize<Size1GiB> && !PageSize<int> && HugePageSize<Size2MiB> &&
              !HugePageSize<Size4KiB>);
static_assert(sizeof(Page<Size4KiB>) == 8 && sizeof(PhysFrame<Size1GiB>) == 8);

template <PageSize S>
void CheckPageConstruction() {
  EXPECT_TRUE(rc::check([] {
    const VirtAddr addr = VirtAddr::NewTruncate(*rc::gen::arbitrary<std::uint64_t>());
    const Result<Page<S>, AddressError> page = Page<S>::FromStartAddress(addr);
    RC_ASSERT(page.is_ok() == (addr.value() % S::kSize == 0));
    if (page.is_error()) RC_ASSERT(page.error() == AddressError::kNotAligned);
    const Page<S> containing = Page<S>::Containing(addr);
    RC_ASSERT(containing.StartAddress().value() == addr.value() / S::kSize * S::kSize);
    RC_ASSERT(containing.Contains(addr));
    if (page.is_ok()) RC_ASSERT(page.value() == containing);
  }));
}

template <PageSize S>
void CheckFrameConstruction() {
  EXPECT_TRUE(rc::check([] {
    const PhysAddr addr = PhysAddr::NewTruncate(*rc::gen::arbitrary<std::uint64_t>());
    const Result<PhysFrame<S>, AddressError> frame = PhysFrame<S>::FromStartAddress(addr);
    RC_ASSERT(frame.is_ok() == (addr.value() % S::kSize == 0));
    const PhysFrame<S> containing = PhysFrame<S>::Containing(addr);
    RC_ASSERT(containing.StartAddress().value() == addr.value() / S::kSize * S::kSize);
    RC_ASSERT(containing.Number() == addr.value() / S::kSize);
    RC_ASSERT(containing.Contains(addr));
    if (frame.is_ok()) RC_ASSERT(frame.value() == containing);
  }));
}

TEST(Page, OnlyAlignedStartsMakePages) {
  CheckPageConstruction<Size4KiB>();
  CheckPageConstruction<Size2MiB>();
  CheckPageConstruction<Size1GiB>();
}

TEST(PhysFrame, OnlyAlignedStartsMakeFrames) {
  CheckFrameConstruction<Size4KiB>();
  CheckFrameConstruction<Size2MiB>();
  CheckFrameConstruction<Size1GiB>();
}

TEST(PageRange, IteratesExactlyTheCoveredPages) {
  EXPECT_TRUE(rc::check([] {
    // Addresses in the lower half, well below its top, so every range fits.
    const std::uint64_t start = *rc::gen::inRange<std::uint64_t>(0, std::uint64_t{1} << 46);
    const std::uint64_t bytes = *rc::gen::inRange<std::uint64_t>(0, std::uint64_t{64} * 4096);
    const auto range = PageRange<Size4KiB>::Covering(VirtAddr::New(start), bytes);
    std::vector<std::uint64_t> seen;
    for (const Page<Size4KiB> page : range) seen.push_back(page.StartAddress().value());
    RC_ASSERT(seen.size() == range.size());
    RC_ASSERT(range.empty() == (bytes == 0));
    for (std::size_t i = 0; i < seen.size(); ++i) {
      RC_ASSERT(seen[i] == (start / 4096 * 4096) + (i * 4096));
    }
    if (bytes > 0) {
      RC_ASSERT(seen.front() <= start);
      RC_ASSERT(seen.back() + 4096 >= start + bytes);
      RC_ASSERT(seen.back() <= start + bytes - 1);
    }
    for (const std::uint64_t offset : {std::uint64_t{0}, bytes / 2, bytes == 0 ? 0 : bytes - 1}) {
      const auto page = Page<Size4KiB>::Containing(VirtAddr::New(start + offset));
      RC_ASSERT(range.Contains(page) == (bytes > 0));
    }
  }));
}

TEST(PageRange, BetweenAndInclusiveAgree) {
  const auto first = Page<Size2MiB>::Containing(VirtAddr::New(0xffff'ffff'8000'0000));
  const auto last = Page<Size2MiB>::Containing(VirtAddr::New(0xffff'ffff'ffff'ffff));
  const auto range = PageRange<Size2MiB>::Inclusive(first, last);
  EXPECT_EQ(range.size(), 1024U);
  EXPECT_EQ(PageRange<Size2MiB>::Between(first, last), PageRange<Size2MiB>(first, 1023));
  std::uint64_t count = 0;
  for (const Page<Size2MiB> page : range) {
    EXPECT_EQ(page, first + count);
    ++count;
  }
  EXPECT_EQ(count, 1024U);
  // The last page of the lower half can start a one-page range.
  const auto top = Page<Size4KiB>::Containing(VirtAddr::New(0x7fff'ffff'ffff));
  EXPECT_EQ(PageRange<Size4KiB>(top, 1).size(), 1U);
}

TEST(FrameRange, CoversAndIterates) {
  const auto range = FrameRange<Size4KiB>::Covering(PhysAddr::New(0x1fff), 2);
  EXPECT_EQ(range.start(), PhysFrame<Size4KiB>::Containing(PhysAddr::New(0x1000)));
  EXPECT_EQ(range.size(), 2U);
  std::vector<std::uint64_t> starts;
  for (const PhysFrame<Size4KiB> frame : range) starts.push_back(frame.StartAddress().value());
  EXPECT_EQ(starts, (std::vector<std::uint64_t>{0x1000, 0x2000}));
  EXPECT_TRUE(FrameRange<Size1GiB>::Covering(PhysAddr::New(0x4000'0000), 0).empty());
}

std::string Here(int line) { return "page_test.cc:" + std::to_string(line); }

TEST(PageDeathTest, NoStepOverTheCanonicalHole) {
  const auto top = Page<Size4KiB>::Containing(VirtAddr::New(0x7fff'ffff'f000));
  EXPECT_DEATH(static_cast<void>(top + 1), "not canonical");
  EXPECT_DEATH(PageRange<Size4KiB>(top, 2), Here(__LINE__) + ".*not canonical");
  const auto bottom = PhysFrame<Size4KiB>::Containing(PhysAddr::New(0));
  EXPECT_DEATH(static_cast<void>(bottom - 1), "below 0");
  EXPECT_DEATH(static_cast<void>(bottom - (bottom + 1)), "subtracting a higher");
}

TEST(Page, Formatting) {
  EXPECT_EQ(FormatToString("{}", Page<Size4KiB>::Containing(VirtAddr::New(0x1234))),
            "Page<4KiB>(VirtAddr(0x1000))");
  EXPECT_EQ(FormatToString("{}", PhysFrame<Size2MiB>::Containing(PhysAddr::New(0x234567))),
            "PhysFrame<2MiB>(PhysAddr(0x200000))");
  EXPECT_EQ(FormatToString("{}", PageRange<Size1GiB>(
                                     Page<Size1GiB>::Containing(VirtAddr::New(0x4000'0000)), 3)),
            "PageRange<1GiB>(VirtAddr(0x40000000), 3 pages)");
  EXPECT_EQ(FormatToString("{}", FrameRange<Size4KiB>::Covering(PhysAddr::New(0x1000), 0x3000)),
            "FrameRange<4KiB>(PhysAddr(0x1000), 3 frames)");
  EXPECT_EQ(FormatToString("{}", PageSizeKind::k1GiB), "1GiB");
}

}  // namespace
}  // namespace libk::x86_64::paging
