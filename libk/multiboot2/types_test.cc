// The printable names of tag, memory and framebuffer types.
#include "libk/multiboot2/types.h"

#include <cstdint>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace libk::multiboot2 {
namespace {

TEST(Types, EveryDefinedTagTypeHasItsOwnName) {
  std::set<std::string> names;
  for (std::uint32_t value = 0; value <= 21; ++value) {
    const std::string name = TagTypeName(static_cast<TagType>(value));
    EXPECT_NE(name, "unknown") << value;
    names.insert(name);
  }
  EXPECT_EQ(names.size(), 22U);
  EXPECT_STREQ(TagTypeName(TagType::kMemoryMap), "memory map");
  EXPECT_STREQ(TagTypeName(static_cast<TagType>(22)), "unknown");
}

TEST(Types, MemoryTypeNames) {
  EXPECT_STREQ(MemoryTypeName(MemoryType::kAvailable), "available");
  EXPECT_STREQ(MemoryTypeName(MemoryType::kReserved), "reserved");
  EXPECT_STREQ(MemoryTypeName(MemoryType::kAcpiReclaimable), "ACPI reclaimable");
  EXPECT_STREQ(MemoryTypeName(MemoryType::kAcpiNvs), "ACPI NVS");
  EXPECT_STREQ(MemoryTypeName(MemoryType::kBadMemory), "bad memory");
  EXPECT_STREQ(MemoryTypeName(static_cast<MemoryType>(0)), "unknown");
  EXPECT_STREQ(MemoryTypeName(static_cast<MemoryType>(6)), "unknown");
}

TEST(Types, OnlyAvailableMemoryIsUsable) {
  for (const std::uint32_t value : {0U, 1U, 2U, 3U, 4U, 5U, 6U, 0xffffffffU}) {
    const auto type = static_cast<MemoryType>(value);
    EXPECT_EQ(IsUsable(type), value == 1) << value;
    EXPECT_EQ(IsKnownMemoryType(type), value >= 1 && value <= 5) << value;
  }
}

TEST(Types, FramebufferTypeNames) {
  EXPECT_STREQ(FramebufferTypeName(FramebufferType::kIndexed), "indexed");
  EXPECT_STREQ(FramebufferTypeName(FramebufferType::kRgb), "RGB");
  EXPECT_STREQ(FramebufferTypeName(FramebufferType::kEgaText), "EGA text");
  EXPECT_STREQ(FramebufferTypeName(static_cast<FramebufferType>(3)), "unknown");
}

}  // namespace
}  // namespace libk::multiboot2
