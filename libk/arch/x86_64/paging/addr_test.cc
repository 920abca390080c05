// PhysAddr and VirtAddr: the checked constructors accept exactly the valid values, the
// truncating ones agree with a bitwise model, alignment obeys its laws, and the page-table
// indices put an address back together.
#include "libk/arch/x86_64/paging/addr.h"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/arch/x86_64/paging/align.h"
#include "libk/testing/format_to_string.h"

namespace libk::x86_64::paging {
namespace {

using libk::testing::FormatToString;

// The model of canonical form: bits 47-63 all zero or all one.
bool ModelCanonical(std::uint64_t value) {
  const std::uint64_t top = value >> 47;
  return top == 0 || top == 0x1ffff;
}

// Generates addresses near the interesting boundaries as well as uniform ones.
rc::Gen<std::uint64_t> InterestingAddress() {
  return rc::gen::oneOf(
      rc::gen::arbitrary<std::uint64_t>(),
      rc::gen::map(rc::gen::inRange<std::int64_t>(-4096, 4096),
                   [](std::int64_t delta) { return (std::uint64_t{1} << 47) + delta; }),
      rc::gen::map(rc::gen::inRange<std::int64_t>(-4096, 4096),
                   [](std::int64_t delta) { return (std::uint64_t{1} << 52) + delta; }),
      rc::gen::map(rc::gen::inRange<std::uint64_t>(0, 8192),
                   [](std::uint64_t n) { return std::uint64_t{0} - n; }));
}

TEST(VirtAddr, CheckedConstructorAcceptsExactlyCanonicalValues) {
  EXPECT_TRUE(rc::check([] {
    const std::uint64_t value = *InterestingAddress();
    const Result<VirtAddr, AddressError> addr = VirtAddr::TryNew(value);
    RC_ASSERT(addr.is_ok() == ModelCanonical(value));
    RC_ASSERT(VirtAddr::IsCanonical(value) == ModelCanonical(value));
    if (addr.is_ok()) {
      RC_ASSERT(addr.value().value() == value);
    } else {
      RC_ASSERT(addr.error() == AddressError::kNonCanonical);
    }
  }));
}

TEST(VirtAddr, TruncationSignExtendsBit47) {
  EXPECT_TRUE(rc::check([] {
    const std::uint64_t value = *InterestingAddress();
    const VirtAddr addr = VirtAddr::NewTruncate(value);
    const bool bit47 = ((value >> 47) & 1) != 0;
    const std::uint64_t low = value & ((std::uint64_t{1} << 48) - 1);
    RC_ASSERT(addr.value() == (bit47 ? low | ~((std::uint64_t{1} << 48) - 1) : low));
    RC_ASSERT(ModelCanonical(addr.value()));
    RC_ASSERT(addr.IsUpperHalf() == bit47);
    // Canonical values are left alone; truncation is idempotent.
    if (ModelCanonical(value)) RC_ASSERT(addr.value() == value);
    RC_ASSERT(VirtAddr::NewTruncate(addr.value()) == addr);
  }));
}

TEST(VirtAddr, IndicesAndOffsetRebuildTheAddress) {
  EXPECT_TRUE(rc::check([] {
    const VirtAddr addr = VirtAddr::NewTruncate(*InterestingAddress());
    const std::uint64_t rebuilt = (std::uint64_t{addr.P4Index().value()} << 39) |
                                  (std::uint64_t{addr.P3Index().value()} << 30) |
                                  (std::uint64_t{addr.P2Index().value()} << 21) |
                                  (std::uint64_t{addr.P1Index().value()} << 12) | addr.PageOffset();
    RC_ASSERT(VirtAddr::NewTruncate(rebuilt) == addr);
    RC_ASSERT(addr.IndexAt(PageTableLevel::kP4) == addr.P4Index());
    RC_ASSERT(addr.IndexAt(PageTableLevel::kP1) == addr.P1Index());
  }));
}

TEST(VirtAddr, KnownIndices) {
  const VirtAddr kernel = VirtAddr::New(0xffffffff80101234);
  EXPECT_EQ(kernel.P4Index().value(), 511);
  EXPECT_EQ(kernel.P3Index().value(), 510);
  EXPECT_EQ(kernel.P2Index().value(), 0);
  EXPECT_EQ(kernel.P1Index().value(), 0x101);
  EXPECT_EQ(kernel.PageOffset(), 0x234U);
  EXPECT_EQ(IndexShift(PageTableLevel::kP4), 39U);
}

TEST(PhysAddr, CheckedConstructorAcceptsExactlyValuesBelow2To52) {
  EXPECT_TRUE(rc::check([] {
    const std::uint64_t value = *InterestingAddress();
    const Result<PhysAddr, AddressError> addr = PhysAddr::TryNew(value);
    RC_ASSERT(addr.is_ok() == (value < (std::uint64_t{1} << 52)));
    if (addr.is_ok()) {
      RC_ASSERT(addr.value().value() == value);
    } else {
      RC_ASSERT(addr.error() == AddressError::kBeyondPhysicalLimit);
    }
    RC_ASSERT(PhysAddr::NewTruncate(value).value() == (value & ((std::uint64_t{1} << 52) - 1)));
  }));
}

TEST(Align, LawsForEveryPowerOfTwo) {
  EXPECT_TRUE(rc::check([](std::uint64_t value) {
    const unsigned shift = *rc::gen::inRange(0U, 63U);
    const std::uint64_t align = std::uint64_t{1} << shift;
    const std::uint64_t down = AlignDown(value, align);
    RC_ASSERT(down <= value);
    RC_ASSERT(value - down < align);
    RC_ASSERT(IsAligned(down, align));
    RC_ASSERT(IsAligned(value, align) == (down == value));
    const Optional<std::uint64_t> up = CheckedAlignUp(value, align);
    if (down == value) {
      RC_ASSERT(up == Optional<std::uint64_t>(value));
    } else if (down > UINT64_MAX - align) {
      RC_ASSERT(!up.has_value());
    } else {
      RC_ASSERT(up == Optional<std::uint64_t>(down + align));
    }
  }));
}

TEST(Align, AddressMethodsAgreeWithTheFreeFunctions) {
  EXPECT_TRUE(rc::check([] {
    const VirtAddr addr = VirtAddr::NewTruncate(*InterestingAddress());
    const std::uint64_t align = std::uint64_t{1} << *rc::gen::inRange(0U, 31U);
    RC_ASSERT(addr.AlignDown(align).value() == AlignDown(addr.value(), align));
    RC_ASSERT(addr.IsAligned(align) == IsAligned(addr.value(), align));
    const PhysAddr phys = PhysAddr::NewTruncate(*InterestingAddress());
    RC_ASSERT(phys.AlignDown(align).value() == AlignDown(phys.value(), align));
  }));
}

TEST(Addr, ArithmeticAndOrder) {
  const PhysAddr a = PhysAddr::New(0x1000);
  EXPECT_EQ((a + 0x234).value(), 0x1234U);
  EXPECT_EQ((a - 0x1000).value(), 0U);
  EXPECT_EQ(PhysAddr::New(0x3000) - a, 0x2000U);
  EXPECT_LT(a, PhysAddr::New(0x1001));
  const VirtAddr top_of_lower_half = VirtAddr::New(0x7fff'ffff'f000);
  EXPECT_EQ((top_of_lower_half + 0xfff).value(), 0x7fff'ffff'ffffU);
  EXPECT_EQ(VirtAddr::New(0x7fff'ffff'ffff).AlignDown(0x1000), top_of_lower_half);
  EXPECT_EQ(VirtAddr::New(0x1001).AlignUp(0x1000).value(), 0x2000U);
}

// Panics say where the bad call was.
std::string Here(int line) { return "addr_test.cc:" + std::to_string(line); }

TEST(AddrDeathTest, PanickingConstructorsAndArithmetic) {
  EXPECT_DEATH(VirtAddr::New(0x0000'8000'0000'0000), Here(__LINE__) + ".*not canonical");
  EXPECT_DEATH(PhysAddr::New(std::uint64_t{1} << 52), Here(__LINE__) + ".*beyond 2\\^52");
  EXPECT_DEATH(VirtAddr::New(0x7fff'ffff'ffff) + 1, "not canonical");
  EXPECT_DEATH(VirtAddr::New(0x7fff'ffff'f001).AlignUp(0x1000), Here(__LINE__));
  EXPECT_DEATH(PhysAddr::New(0) - 1, "below 0");
  EXPECT_DEATH(static_cast<void>(AlignDown(5, 3)), Here(__LINE__) + ".*not a power of two");
  EXPECT_DEATH(AlignUp(UINT64_MAX, 2), Here(__LINE__) + ".*overflows");
  EXPECT_DEATH(PageTableIndex::New(512), Here(__LINE__) + ".*out of range");
}

TEST(Addr, Formatting) {
  EXPECT_EQ(FormatToString("{}", PhysAddr::New(0x1000)), "PhysAddr(0x1000)");
  EXPECT_EQ(FormatToString("{}", VirtAddr::New(0xffffffff80000000)),
            "VirtAddr(0xffffffff80000000)");
  EXPECT_EQ(FormatToString("{}", PageTableIndex::New(511)), "PageTableIndex(511)");
  EXPECT_EQ(FormatToString("{}", AddressError::kNonCanonical), "not canonical");
  EXPECT_EQ(FormatToString("{}", VirtAddr::TryNew(1ULL << 47).error()), "not canonical");
}

static_assert(VirtAddr::New(0xffff'8000'0000'0000).IsUpperHalf());
static_assert(VirtAddr::TryNew(0x0000'8000'0000'0000).is_error());
static_assert(PhysAddr::New(0x1234).AlignDown(0x1000).value() == 0x1000);

}  // namespace
}  // namespace libk::x86_64::paging
