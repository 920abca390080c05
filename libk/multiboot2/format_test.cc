// The formatters of the multiboot2 values: regions, type names (known and unknown) and
// parse failures, as the kernel will print them.
#include "libk/fmt/format.h"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "libk/multiboot2/info.h"
#include "libk/multiboot2/types.h"
#include "libk/multiboot2/values.h"
#include "libk/testing/format_to_string.h"

namespace libk::multiboot2 {
namespace {

using testing::FormatToString;

TEST(Format, MemoryRegionPrintsItsBoundsAndType) {
  EXPECT_EQ(FormatToString("{}", MemoryRegion{0x100000, 0x7ee0000, MemoryType::kAvailable}),
            "[0x100000, 0x7fe0000) available");
  EXPECT_EQ(FormatToString("{}", MemoryRegion{0x0, 0x9fc00, MemoryType::kAvailable}),
            "[0x0, 0x9fc00) available");
  EXPECT_EQ(FormatToString("{}", MemoryRegion{0xfffc0000, 0x40000, MemoryType::kAcpiNvs}),
            "[0xfffc0000, 0x100000000) ACPI NVS");
  EXPECT_EQ(FormatToString("{}", MemoryRegion{0x1000, 0, static_cast<MemoryType>(9)}),
            "[0x1000, 0x1000) unknown (9)");
}

TEST(Format, MemoryRegionAtTheTopOfTheAddressSpace) {
  // The largest region the parser accepts ends exactly at 2^64 - 1.
  EXPECT_EQ(FormatToString("{}", MemoryRegion{0xfffffffffffff000, 0xfff, MemoryType::kReserved}),
            "[0xfffffffffffff000, 0xffffffffffffffff) reserved");
  // Hand-made regions that wrap say so instead of printing a wrapped end.
  EXPECT_EQ(FormatToString("{}", MemoryRegion{0xfffffffffffff000, 0x1000, MemoryType::kReserved}),
            "[0xfffffffffffff000, 2^64 + 0x0) reserved");
  EXPECT_EQ(FormatToString("{}", MemoryRegion{0xfffffffffffff000, 0x3000, MemoryType::kReserved}),
            "[0xfffffffffffff000, 2^64 + 0x2000) reserved");
  EXPECT_EQ(FormatToString(
                "{}", MemoryRegion{0xffffffffffffffff, 0xffffffffffffffff, MemoryType::kBadMemory}),
            "[0xffffffffffffffff, 2^64 + 0xfffffffffffffffe) bad memory");
}

TEST(Format, TypeNamesMatchTheNameFunctions) {
  for (std::uint32_t value = 0; value <= 22; ++value) {
    const auto tag = static_cast<TagType>(value);
    const std::string expected = value <= 21 ? TagTypeName(tag) : "unknown (22)";
    EXPECT_EQ(FormatToString("{}", tag), expected);
  }
  for (std::uint32_t value = 0; value <= 6; ++value) {
    const auto type = static_cast<MemoryType>(value);
    const std::string expected =
        IsKnownMemoryType(type) ? MemoryTypeName(type) : "unknown (" + std::to_string(value) + ")";
    EXPECT_EQ(FormatToString("{}", type), expected);
  }
  EXPECT_EQ(FormatToString("{}", FramebufferType::kRgb), "RGB");
  EXPECT_EQ(FormatToString("{}", static_cast<FramebufferType>(3)), "unknown (3)");
  EXPECT_EQ(FormatToString("{}", static_cast<MemoryType>(0xffffffff)), "unknown (4294967295)");
}

TEST(Format, TypeNamesPadLikeStrings) {
  EXPECT_EQ(FormatToString("|{:<12}|", MemoryType::kReserved), "|reserved    |");
  EXPECT_EQ(FormatToString("|{:>12}|", MemoryType::kAcpiNvs), "|    ACPI NVS|");
  EXPECT_EQ(FormatToString("|{:*^14}|", static_cast<MemoryType>(7)), "|*unknown (7)**|");
  EXPECT_EQ(FormatToString("|{:12s}|", TagType::kModule), "|module      |");
  static_assert(!Formatter<MemoryType>::ValidateSpec(libk::internal::ParseSpec("x").spec));
  static_assert(!Formatter<TagType>::ValidateSpec(libk::internal::ParseSpec("+").spec));
}

TEST(Format, ParseFailureSaysWhatAndWhere) {
  EXPECT_EQ(FormatToString("{}", ParseError::kTagOutOfBounds), "tag ends past total_size");
  EXPECT_EQ(FormatToString("{}", ParseFailure{.reason = ParseError::kDuplicateTag, .offset = 0x48}),
            "duplicate tag at offset 0x48");
  EXPECT_EQ(
      FormatToString("{}", ParseFailure{.reason = ParseError::kTotalSizeTooSmall, .offset = 0}),
      "total_size below 16 at offset 0x0");
}

}  // namespace
}  // namespace libk::multiboot2
