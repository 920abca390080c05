#include "libk/flags/flags.h"

#include <cstdint>
#include <string>
#include <type_traits>

#include <gtest/gtest.h>
#include <rapidcheck.h>

namespace keel_test {

// Defined bits 0, 1, 3 and 6: 0x4b.
enum class TestFlag : uint8_t { kA = 1 << 0, kB = 1 << 1, kC = 1 << 3, kD = 1 << 6 };
LIBK_DEFINE_FLAGS(TestFlag, {TestFlag::kA, "A"}, {TestFlag::kB, "B"}, {TestFlag::kC, "C"},
                  {TestFlag::kD, "D"});
using TestFlags = libk::Flags<TestFlag>;
constexpr uint8_t kAll = 0x4b;

enum class PageFlag : uint64_t {
  kPresent = uint64_t{1} << 0,
  kWritable = uint64_t{1} << 1,
  kUser = uint64_t{1} << 2,
  kNoExecute = uint64_t{1} << 63,
};
LIBK_DEFINE_FLAGS(PageFlag, {PageFlag::kPresent, "PRESENT"}, {PageFlag::kWritable, "WRITABLE"},
                  {PageFlag::kUser, "USER"}, {PageFlag::kNoExecute, "NO_EXECUTE"});
using PageFlags = libk::Flags<PageFlag>;

// A multi-bit name listed before its parts.
enum class Access : uint8_t { kRead = 1, kWrite = 2, kReadWrite = 3, kExecute = 4 };
LIBK_DEFINE_FLAGS(Access, {Access::kReadWrite, "READ_WRITE"}, {Access::kRead, "READ"},
                  {Access::kWrite, "WRITE"}, {Access::kExecute, "EXECUTE"});

static_assert(TestFlags::kAllBits == kAll);
static_assert(PageFlags::kAllBits == 0x8000000000000007);
static_assert(std::is_trivially_copyable_v<TestFlags> && sizeof(TestFlags) == 1);
static_assert((TestFlag::kA | TestFlag::kC).bits() == 0x09);
static_assert(std::is_same_v<decltype(TestFlag::kA | TestFlag::kB), TestFlags>);
static_assert(TestFlags::FromBits(0x03).value() == (TestFlag::kA | TestFlag::kB));
static_assert(!TestFlags::FromBits(0x04).has_value());
static_assert((~TestFlag::kA).bits() == (kAll & ~0x01));

namespace {

std::string Names(auto flags) {
  std::string out;
  libk::AppendNames(flags, [&](const char* piece) { out += piece; });
  return out;
}

}  // namespace

TEST(FlagsTest, FormatsNames) {
  EXPECT_EQ(Names(PageFlag::kPresent | PageFlag::kWritable), "PRESENT | WRITABLE");
  EXPECT_EQ(Names(PageFlags(PageFlag::kNoExecute)), "NO_EXECUTE");
  EXPECT_EQ(Names(PageFlags::All()), "PRESENT | WRITABLE | USER | NO_EXECUTE");
  EXPECT_EQ(Names(PageFlags()), "(empty)");
  EXPECT_EQ(Names(PageFlags::FromBitsRetain(0x1 | 0xf0)), "PRESENT | 0xf0");
  EXPECT_EQ(Names(PageFlags::FromBitsRetain(0x4000000000000000)), "0x4000000000000000");
  EXPECT_EQ(Names(TestFlags::FromBitsRetain(0xff)), "A | B | C | D | 0xb4");
}

TEST(FlagsTest, FormatsMultiBitNamesOnce) {
  EXPECT_EQ(Names(Access::kRead | Access::kWrite), "READ_WRITE");
  EXPECT_EQ(Names(Access::kRead | Access::kExecute), "READ | EXECUTE");
  EXPECT_EQ(Names(libk::Flags<Access>::All()), "READ_WRITE | EXECUTE");
}

TEST(FlagsTest, MutatorsAndQueries) {
  TestFlags flags;
  EXPECT_TRUE(flags.IsEmpty());
  flags.Insert(TestFlag::kA | TestFlag::kD);
  EXPECT_TRUE(flags.Contains(TestFlag::kA));
  EXPECT_FALSE(flags.Contains(TestFlag::kA | TestFlag::kB));
  EXPECT_TRUE(flags.Intersects(TestFlag::kA | TestFlag::kB));
  flags.Set(TestFlag::kB, true);
  flags.Set(TestFlag::kD, false);
  EXPECT_EQ(flags, TestFlag::kA | TestFlag::kB);
  flags.Toggle(TestFlag::kA | TestFlag::kC);
  EXPECT_EQ(flags, TestFlag::kB | TestFlag::kC);
  flags.Remove(TestFlag::kB);
  EXPECT_EQ(flags, TestFlag::kC);
  flags |= ~flags;
  EXPECT_TRUE(flags.IsAll());
  flags -= TestFlag::kC;
  EXPECT_FALSE(flags.IsAll());
}

// Flags arithmetic on sets of defined bits equals integer arithmetic masked to kAll.
TEST(FlagsProperty, MatchesMaskedIntegerArithmetic) {
  EXPECT_TRUE(rc::check([](uint8_t x, uint8_t y, bool value) {
    const TestFlags a = TestFlags::FromBitsTruncate(x);
    const TestFlags b = TestFlags::FromBitsTruncate(y);
    const uint8_t mx = x & kAll;
    const uint8_t my = y & kAll;
    RC_ASSERT(a.bits() == mx);
    RC_ASSERT((a | b).bits() == (mx | my));
    RC_ASSERT((a & b).bits() == (mx & my));
    RC_ASSERT((a ^ b).bits() == (mx ^ my));
    RC_ASSERT((a - b).bits() == (mx & ~my));
    RC_ASSERT((~a).bits() == (~mx & kAll));
    RC_ASSERT(a.Contains(b) == ((mx & my) == my));
    RC_ASSERT(a.Intersects(b) == ((mx & my) != 0));
    RC_ASSERT(a.IsEmpty() == (mx == 0));
    RC_ASSERT(a.IsAll() == (mx == kAll));
    RC_ASSERT((a == b) == (mx == my));
    TestFlags c = a;
    c.Insert(b);
    RC_ASSERT(c.bits() == (mx | my));
    c = a;
    c.Remove(b);
    RC_ASSERT(c.bits() == (mx & ~my));
    c = a;
    c.Toggle(b);
    RC_ASSERT(c.bits() == (mx ^ my));
    c = a;
    c.Set(b, value);
    RC_ASSERT(c.bits() == (value ? (mx | my) : (mx & ~my)));
  }));
}

TEST(FlagsProperty, FromBitsRejectsExactlyTheUnknownBits) {
  EXPECT_TRUE(rc::check([](uint8_t x, uint64_t wide) {
    const libk::Optional<TestFlags> narrow = TestFlags::FromBits(x);
    RC_ASSERT(narrow.has_value() == ((x & ~kAll) == 0));
    if (narrow.has_value()) RC_ASSERT(narrow.value().bits() == x);
    RC_ASSERT(TestFlags::FromBitsTruncate(x).bits() == (x & kAll));
    RC_ASSERT(TestFlags::FromBitsRetain(x).bits() == x);

    const libk::Optional<PageFlags> page = PageFlags::FromBits(wide);
    RC_ASSERT(page.has_value() == ((wide & ~PageFlags::kAllBits) == 0));
    RC_ASSERT(PageFlags::FromBitsTruncate(wide).bits() == (wide & PageFlags::kAllBits));
    RC_ASSERT((~PageFlags::FromBitsRetain(wide)).bits() == (~wide & PageFlags::kAllBits));
  }));
}

// Unknown bits kept by FromBitsRetain survive every operation except complement.
TEST(FlagsProperty, RetainedBitsFollowRawArithmetic) {
  EXPECT_TRUE(rc::check([](uint8_t x, uint8_t y) {
    const TestFlags a = TestFlags::FromBitsRetain(x);
    const TestFlags b = TestFlags::FromBitsRetain(y);
    RC_ASSERT((a | b).bits() == (x | y));
    RC_ASSERT((a & b).bits() == (x & y));
    RC_ASSERT((a ^ b).bits() == (x ^ y));
    RC_ASSERT((a - b).bits() == static_cast<uint8_t>(x & ~y));
    RC_ASSERT((~a).bits() == (~x & kAll));
  }));
}

TEST(FlagsProperty, NamesListEveryFlagInTheSet) {
  EXPECT_TRUE(rc::check([](uint8_t x) {
    const TestFlags flags = TestFlags::FromBitsTruncate(x);
    std::string expected;
    for (const auto& [flag, name] : TestFlags::kDefinition.names) {
      if (flags.Contains(flag)) expected += (expected.empty() ? "" : " | ") + std::string(name);
    }
    RC_ASSERT(Names(flags) == (expected.empty() ? "(empty)" : expected));
  }));
}

}  // namespace keel_test
