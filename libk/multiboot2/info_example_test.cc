// Examples: the boot information GRUB 2.06 gives a kernel in QEMU with 128 MiB, and
// hand-built framebuffer and module tags, read through every accessor.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "libk/multiboot2/info.h"
#include "libk/multiboot2/testing/grub_capture.h"
#include "libk/multiboot2/testing/grub_qemu_128m.h"
#include "libk/multiboot2/testing/guarded_buffer.h"
#include "libk/multiboot2/testing/info_builder.h"

namespace libk::multiboot2 {
namespace {

using testing::GuardedBuffer;

std::vector<std::byte> GrubBytes() {
  std::vector<std::byte> bytes;
  for (const std::uint8_t byte : testing::kGrubQemu128M) bytes.push_back(std::byte{byte});
  return bytes;
}

std::string ToString(StringView text) { return {text.begin(), text.end()}; }

TEST(InfoExample, GrubInQemuWith128MiB) {
  const std::vector<std::byte> bytes = GrubBytes();
  const GuardedBuffer buffer(bytes, GuardedBuffer::Guard::kAfter);
  const Result<Info, ParseFailure> result = Info::Parse(buffer.data(), buffer.size());
  ASSERT_TRUE(result.is_ok()) << ParseErrorName(result.error().reason);
  const Info& info = result.value();

  EXPECT_EQ(info.total_size(), 256U);
  ASSERT_TRUE(info.CommandLine());
  EXPECT_TRUE(info.CommandLine()->empty());
  ASSERT_TRUE(info.BootloaderName());
  EXPECT_EQ(ToString(*info.BootloaderName()), "GRUB 2.06");
  ASSERT_TRUE(info.BasicMemInfo());
  EXPECT_EQ(info.BasicMemInfo()->mem_lower, 639U);
  EXPECT_EQ(info.BasicMemInfo()->mem_upper, 129920U);
  ASSERT_TRUE(info.BootDevice());
  EXPECT_EQ(info.BootDevice()->bios_device, 0xe0U);
  EXPECT_EQ(info.BootDevice()->partition, 0xffffffffU);
  EXPECT_FALSE(info.Framebuffer());
  EXPECT_EQ(info.Modules().begin(), info.Modules().end());

  ASSERT_TRUE(info.HasMemoryMap());
  const std::vector<MemoryRegion> expected = {
      {0x0, 0x9fc00, MemoryType::kAvailable},      {0x9fc00, 0x400, MemoryType::kReserved},
      {0xf0000, 0x10000, MemoryType::kReserved},   {0x100000, 0x7ee0000, MemoryType::kAvailable},
      {0x7fe0000, 0x20000, MemoryType::kReserved}, {0xfffc0000, 0x40000, MemoryType::kReserved},
  };
  std::vector<MemoryRegion> regions;
  for (const MemoryRegion region : info.MemoryMap()) regions.push_back(region);
  EXPECT_EQ(regions, expected);
  EXPECT_EQ(info.MemoryMap().size(), 6U);
  EXPECT_EQ(info.MemoryMap()[3].base + info.MemoryMap()[3].length, 0x7fe0000U);

  std::vector<TagType> types;
  for (const Tag tag : info.Tags()) types.push_back(tag.type);
  EXPECT_EQ(types, (std::vector<TagType>{TagType::kBasicMemInfo, TagType::kBootDevice,
                                         TagType::kCommandLine, TagType::kBootloaderName,
                                         TagType::kMemoryMap}));
  auto it = info.Tags().begin();
  for (int i = 0; i < 3; ++i) ++it;
  const Tag name_tag = *it;
  EXPECT_EQ(name_tag.size, 18U);
  EXPECT_EQ(name_tag.payload.size(), 10U);
  EXPECT_EQ(name_tag.payload[0], std::byte{'G'});
}

TEST(InfoExample, CapturedFromGrubInQemu) {
  std::vector<std::byte> bytes;
  for (const std::uint8_t byte : testing::kGrubCapture) bytes.push_back(std::byte{byte});
  const GuardedBuffer buffer(bytes, GuardedBuffer::Guard::kAfter);
  const Result<Info, ParseFailure> result = Info::FromBootloader(buffer.data());
  ASSERT_TRUE(result.is_ok()) << ParseErrorName(result.error().reason);
  const Info& info = result.value();

  EXPECT_EQ(info.total_size(), 0x468U);
  EXPECT_EQ(ToString(*info.BootloaderName()), "GRUB 2.06-13+deb12u2");
  EXPECT_EQ(ToString(*info.CommandLine()), "");
  EXPECT_EQ(*info.BasicMemInfo(), (BasicMemoryInfo{.mem_lower = 639, .mem_upper = 129920}));
  EXPECT_EQ(*info.BootDevice(),
            (BiosBootDevice{.bios_device = 0xe0, .partition = ~0U, .sub_partition = ~0U}));
  const auto fb = info.Framebuffer();
  ASSERT_TRUE(fb);
  EXPECT_EQ(fb->type, FramebufferType::kEgaText);
  EXPECT_EQ(fb->address, 0xb8000U);
  EXPECT_EQ(fb->pitch, 160U);
  EXPECT_EQ(fb->width, 80U);
  EXPECT_EQ(fb->height, 25U);
  EXPECT_EQ(fb->bits_per_pixel, 16U);

  std::vector<MemoryRegion> regions;
  for (const MemoryRegion region : info.MemoryMap()) regions.push_back(region);
  EXPECT_EQ(regions, (std::vector<MemoryRegion>{
                         {0x0, 0x9fc00, MemoryType::kAvailable},
                         {0x9fc00, 0x400, MemoryType::kReserved},
                         {0xf0000, 0x10000, MemoryType::kReserved},
                         {0x100000, 0x7ee0000, MemoryType::kAvailable},
                         {0x7fe0000, 0x20000, MemoryType::kReserved},
                         {0xfffc0000, 0x40000, MemoryType::kReserved},
                         {0xfd00000000, 0x300000000, MemoryType::kReserved},
                     }));

  std::vector<TagType> types;
  for (const Tag tag : info.Tags()) types.push_back(tag.type);
  EXPECT_EQ(types, (std::vector<TagType>{TagType::kImageLoadBase, TagType::kCommandLine,
                                         TagType::kBootloaderName, TagType::kApmTable,
                                         TagType::kMemoryMap, TagType::kElfSections,
                                         TagType::kBasicMemInfo, TagType::kBootDevice,
                                         TagType::kFramebuffer, TagType::kAcpiOldRsdp}));
  EXPECT_EQ(info.Modules().begin(), info.Modules().end());
}

TEST(InfoExample, FromBootloaderTrustsOnlyTheFirstWord) {
  const GuardedBuffer buffer(GrubBytes(), GuardedBuffer::Guard::kAfter);
  const Result<Info, ParseFailure> result = Info::FromBootloader(buffer.data());
  ASSERT_TRUE(result.is_ok());
  EXPECT_EQ(result.value().MemoryMap().size(), 6U);
}

TEST(InfoExample, RgbFramebuffer) {
  std::vector<std::byte> payload;
  testing::AppendU64(payload, 0xfd000000);
  testing::AppendU32(payload, 4096);  // pitch
  testing::AppendU32(payload, 1024);  // width
  testing::AppendU32(payload, 768);   // height
  testing::AppendU8(payload, 32);     // bpp
  testing::AppendU8(payload, 1);      // RGB
  testing::AppendU16(payload, 0);
  for (const std::uint8_t field : {16, 8, 8, 8, 0, 8}) testing::AppendU8(payload, field);
  const auto bytes = testing::InfoBuilder().AddTag(8, payload).Finish();
  const Result<Info, ParseFailure> result = Info::Parse(bytes.data(), bytes.size());
  ASSERT_TRUE(result.is_ok()) << ParseErrorName(result.error().reason);
  const auto fb = result.value().Framebuffer();
  ASSERT_TRUE(fb);
  EXPECT_EQ(fb->address, 0xfd000000U);
  EXPECT_EQ(fb->pitch, 4096U);
  EXPECT_EQ(fb->width, 1024U);
  EXPECT_EQ(fb->height, 768U);
  EXPECT_EQ(fb->bits_per_pixel, 32U);
  EXPECT_EQ(fb->type, FramebufferType::kRgb);
  EXPECT_EQ(fb->rgb, (RgbFormat{16, 8, 8, 8, 0, 8}));
  EXPECT_EQ(fb->palette.size(), 0U);
}

TEST(InfoExample, IndexedFramebufferPalette) {
  std::vector<std::byte> payload;
  testing::AppendU64(payload, 0xa0000);
  testing::AppendU32(payload, 320);
  testing::AppendU32(payload, 320);
  testing::AppendU32(payload, 200);
  testing::AppendU8(payload, 8);
  testing::AppendU8(payload, 0);  // indexed
  testing::AppendU16(payload, 0);
  testing::AppendU16(payload, 2);  // two colors
  for (const std::uint8_t channel : {1, 2, 3, 250, 251, 252}) testing::AppendU8(payload, channel);
  const auto bytes = testing::InfoBuilder().AddTag(8, payload).Finish();
  const Result<Info, ParseFailure> result = Info::Parse(bytes.data(), bytes.size());
  ASSERT_TRUE(result.is_ok()) << ParseErrorName(result.error().reason);
  const auto fb = result.value().Framebuffer();
  ASSERT_TRUE(fb);
  EXPECT_EQ(fb->type, FramebufferType::kIndexed);
  ASSERT_EQ(fb->palette.size(), 2U);
  EXPECT_EQ(fb->palette[0], (PaletteColor{1, 2, 3}));
  EXPECT_EQ(fb->palette[1], (PaletteColor{250, 251, 252}));
}

TEST(InfoExample, ModulesInOrder) {
  testing::InfoModel model;
  model.modules = {{0x200000, 0x201000, "initrd"}, {0x300000, 0x300000, ""}};
  const auto bytes = testing::Build(model);
  const Result<Info, ParseFailure> result = Info::Parse(bytes.data(), bytes.size());
  ASSERT_TRUE(result.is_ok());
  std::vector<std::string> cmdlines;
  for (const Module module : result.value().Modules()) {
    cmdlines.push_back(ToString(module.cmdline));
    EXPECT_LE(module.start, module.end);
  }
  EXPECT_EQ(cmdlines, (std::vector<std::string>{"initrd", ""}));
  EXPECT_FALSE(result.value().HasMemoryMap());
  EXPECT_TRUE(result.value().MemoryMap().empty());
}

TEST(InfoExample, MinimalStructureHasNothing) {
  const auto bytes = testing::InfoBuilder().Finish();
  ASSERT_EQ(bytes.size(), 16U);
  const Result<Info, ParseFailure> result = Info::Parse(bytes.data(), bytes.size());
  ASSERT_TRUE(result.is_ok());
  const Info& info = result.value();
  EXPECT_FALSE(info.CommandLine());
  EXPECT_FALSE(info.BootloaderName());
  EXPECT_FALSE(info.BasicMemInfo());
  EXPECT_FALSE(info.BootDevice());
  EXPECT_FALSE(info.Framebuffer());
  EXPECT_FALSE(info.HasMemoryMap());
  EXPECT_EQ(info.Tags().begin(), info.Tags().end());
}

TEST(InfoExampleDeathTest, ValueOfAnErrorPanics) {
  const Result<Info, ParseFailure> result = Info::Parse(nullptr, 0);
  ASSERT_FALSE(result.is_ok());
  EXPECT_DEATH(static_cast<void>(result.value()), "value\\(\\) of an error Result");
}

TEST(InfoExampleDeathTest, MemoryMapIndexOutOfRangePanics) {
  const std::vector<std::byte> bytes = GrubBytes();
  const Result<Info, ParseFailure> result = Info::Parse(bytes.data(), bytes.size());
  ASSERT_TRUE(result.is_ok());
  EXPECT_DEATH(static_cast<void>(result.value().MemoryMap()[6]), "index out of range");
}

}  // namespace
}  // namespace libk::multiboot2
