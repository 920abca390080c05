// Rejections: each rule Parse enforces, broken once on an otherwise valid structure (the
// GRUB example or a built one), gives its own error at the offending tag's offset.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "libk/multiboot2/info.h"
#include "libk/multiboot2/testing/grub_qemu_128m.h"
#include "libk/multiboot2/testing/info_builder.h"

namespace libk::multiboot2 {
namespace {

using testing::PutU32;

std::vector<std::byte> GrubBytes() {
  std::vector<std::byte> bytes;
  for (const std::uint8_t byte : testing::kGrubQemu128M) bytes.push_back(std::byte{byte});
  return bytes;
}

// Parses `bytes` (all of them available) and expects `error` at `offset`.
void ExpectRejected(const std::vector<std::byte>& bytes, ParseError error, std::uint64_t offset) {
  const Result<Info, ParseFailure> result = Info::Parse(bytes.data(), bytes.size());
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.error().reason, error) << ParseErrorName(result.error().reason);
  EXPECT_EQ(result.error().offset, offset);
}

TEST(InfoRejection, TheUnpatchedExampleIsAccepted) {
  const auto bytes = GrubBytes();
  EXPECT_TRUE(Info::Parse(bytes.data(), bytes.size()).is_ok());
}

TEST(InfoRejection, TooFewBytesForTheHeader) {
  const auto bytes = GrubBytes();
  EXPECT_EQ(Info::Parse(nullptr, 0).error(), (ParseFailure{.reason = ParseError::kTooSmall}));
  EXPECT_EQ(Info::Parse(bytes.data(), 7).error(), (ParseFailure{.reason = ParseError::kTooSmall}));
}

TEST(InfoRejection, TotalSizeBelowSixteen) {
  auto bytes = GrubBytes();
  PutU32(bytes, 0, 15);
  ExpectRejected(bytes, ParseError::kTotalSizeTooSmall, 0);
}

TEST(InfoRejection, TotalSizeAboveAvailable) {
  const auto bytes = GrubBytes();
  const Result<Info, ParseFailure> result = Info::Parse(bytes.data(), bytes.size() - 1);
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.error().reason, ParseError::kTotalSizeExceedsAvailable);
}

TEST(InfoRejection, MissingEndTag) {
  auto bytes = GrubBytes();
  bytes.resize(testing::kGrubEndOffset);
  PutU32(bytes, 0, testing::kGrubEndOffset);
  ExpectRejected(bytes, ParseError::kMissingEndTag, testing::kGrubEndOffset);
  ExpectRejected(testing::InfoBuilder().AddStringTag(1, "x").FinishWithoutEndTag(),
                 ParseError::kMissingEndTag, 24);
}

TEST(InfoRejection, TagSizeBelowEight) {
  for (const std::uint32_t size : {0U, 4U, 7U}) {
    auto bytes = GrubBytes();
    PutU32(bytes, testing::kGrubBootDeviceOffset + 4, size);
    ExpectRejected(bytes, ParseError::kTagTooSmall, testing::kGrubBootDeviceOffset);
  }
}

TEST(InfoRejection, TagCrossingTotalSize) {
  auto bytes = GrubBytes();
  // The memory map would end 8 bytes past the structure, where the end tag should be.
  PutU32(bytes, testing::kGrubMemoryMapOffset + 4, 256 - testing::kGrubMemoryMapOffset + 8);
  ExpectRejected(bytes, ParseError::kTagOutOfBounds, testing::kGrubMemoryMapOffset);
  PutU32(bytes, testing::kGrubMemoryMapOffset + 4, std::numeric_limits<std::uint32_t>::max());
  ExpectRejected(bytes, ParseError::kTagOutOfBounds, testing::kGrubMemoryMapOffset);
}

TEST(InfoRejection, EndTagOfWrongSize) {
  auto bytes = GrubBytes();
  bytes.resize(264);
  PutU32(bytes, 0, 264);
  PutU32(bytes, testing::kGrubEndOffset + 4, 16);
  ExpectRejected(bytes, ParseError::kBadEndTag, testing::kGrubEndOffset);
}

TEST(InfoRejection, BytesAfterTheEndTag) {
  auto bytes = GrubBytes();
  bytes.resize(264);
  PutU32(bytes, 0, 264);
  ExpectRejected(bytes, ParseError::kDataAfterEndTag, testing::kGrubEndOffset);
}

TEST(InfoRejection, MemoryMapEntrySize) {
  for (const std::uint32_t entry_size : {0U, 4U, 16U, 20U, 28U, 33U}) {
    auto bytes = GrubBytes();
    PutU32(bytes, testing::kGrubMemoryMapOffset + 8, entry_size);
    ExpectRejected(bytes, ParseError::kBadMemoryMapEntrySize, testing::kGrubMemoryMapOffset);
  }
}

TEST(InfoRejection, MemoryMapEntriesMustFillTheTag) {
  auto bytes = GrubBytes();
  PutU32(bytes, testing::kGrubMemoryMapOffset + 8, 32);  // 144 bytes are not whole 32s.
  ExpectRejected(bytes, ParseError::kMemoryMapEntriesMisfit, testing::kGrubMemoryMapOffset);
}

TEST(InfoRejection, MemoryMapVersion) {
  auto bytes = GrubBytes();
  PutU32(bytes, testing::kGrubMemoryMapOffset + 12, 1);
  ExpectRejected(bytes, ParseError::kBadMemoryMapVersion, testing::kGrubMemoryMapOffset);
}

TEST(InfoRejection, MemoryRegionWrappingAround) {
  testing::InfoModel model;
  model.memory_map = {
      {.base = 0xfffffffffffff000, .length = 0x1000, .type = MemoryType::kReserved}};
  ExpectRejected(testing::Build(model), ParseError::kMemoryRegionOverflow, 8);
  // Ending exactly at 2^64 - 1 is fine.
  model.memory_map = {{.base = 0xfffffffffffff000, .length = 0xfff, .type = MemoryType::kReserved}};
  const auto bytes = testing::Build(model);
  EXPECT_TRUE(Info::Parse(bytes.data(), bytes.size()).is_ok());
}

TEST(InfoRejection, UnterminatedLoaderName) {
  auto bytes = GrubBytes();
  // The NUL is the tag's last byte; the padding after it is zero but outside the tag.
  bytes[testing::kGrubLoaderNameOffset + 17] = std::byte{'x'};
  ExpectRejected(bytes, ParseError::kUnterminatedString, testing::kGrubLoaderNameOffset);
}

TEST(InfoRejection, CommandLineTagWithoutAnyCharacter) {
  auto bytes = GrubBytes();
  PutU32(bytes, testing::kGrubCommandLineOffset + 4, 8);
  ExpectRejected(bytes, ParseError::kUnterminatedString, testing::kGrubCommandLineOffset);
}

TEST(InfoRejection, UnterminatedModuleCommandLine) {
  testing::InfoModel model;
  model.modules = {{0x1000, 0x2000, "abc"}};
  auto bytes = testing::Build(model);
  PutU32(bytes, 12, 16 + 3);  // The size now ends before the module's NUL.
  ExpectRejected(bytes, ParseError::kUnterminatedString, 8);
}

TEST(InfoRejection, ModuleStartAfterEnd) {
  testing::InfoModel model;
  model.modules = {{0x1000, 0x2000, "abc"}};
  auto bytes = testing::Build(model);
  PutU32(bytes, 16, 0x2001);
  ExpectRejected(bytes, ParseError::kBadModuleRange, 8);
}

TEST(InfoRejection, KnownTagsTooShortForTheirFields) {
  // Each tag type with its smallest valid size; one byte less is rejected.
  const std::vector<std::pair<TagType, std::uint32_t>> minimums = {{TagType::kBasicMemInfo, 16},
                                                                   {TagType::kBootDevice, 20},
                                                                   {TagType::kMemoryMap, 16},
                                                                   {TagType::kModule, 16},
                                                                   {TagType::kFramebuffer, 32}};
  for (const auto& [type, size] : minimums) {
    const std::vector<std::byte> payload(size - 9, std::byte{0});
    ExpectRejected(
        testing::InfoBuilder().AddTag(static_cast<std::uint32_t>(type), payload).Finish(),
        ParseError::kTagTooShortForType, 8);
  }
}

TEST(InfoRejection, DuplicateSingletonTags) {
  auto bytes = testing::InfoBuilder()
                   .AddStringTag(static_cast<std::uint32_t>(TagType::kCommandLine), "a")
                   .AddStringTag(static_cast<std::uint32_t>(TagType::kCommandLine), "b")
                   .Finish();
  ExpectRejected(bytes, ParseError::kDuplicateTag, 24);
  testing::InfoModel model;
  model.memory_map.emplace();
  bytes = testing::Build(model);
  const std::vector<std::byte> map(bytes.begin() + 16, bytes.begin() + 24);
  bytes = testing::InfoBuilder().AddTag(6, map).AddTag(6, map).Finish();
  ExpectRejected(bytes, ParseError::kDuplicateTag, 24);
}

TEST(InfoRejection, FramebufferColorInfoMustFit) {
  std::vector<std::byte> payload(24, std::byte{0});
  payload[21] = std::byte{1};  // RGB, but no room for its 6 bytes.
  ExpectRejected(testing::InfoBuilder().AddTag(8, payload).Finish(),
                 ParseError::kBadFramebufferColorInfo, 8);
  payload[21] = std::byte{0};  // Indexed, without the palette's size.
  ExpectRejected(testing::InfoBuilder().AddTag(8, payload).Finish(),
                 ParseError::kBadFramebufferColorInfo, 8);
  testing::AppendU16(payload, 3);  // Three colors announced, two present.
  payload.resize(payload.size() + 6, std::byte{0x55});
  ExpectRejected(testing::InfoBuilder().AddTag(8, payload).Finish(),
                 ParseError::kBadFramebufferColorInfo, 8);
  payload.resize(payload.size() + 3, std::byte{0x55});
  const auto bytes = testing::InfoBuilder().AddTag(8, payload).Finish();
  EXPECT_TRUE(Info::Parse(bytes.data(), bytes.size()).is_ok());
}

TEST(InfoRejection, ErrorsHaveNames) {
  EXPECT_STREQ(ParseErrorName(ParseError::kTagOutOfBounds), "tag ends past total_size");
  EXPECT_STREQ(ParseErrorName(static_cast<ParseError>(200)), "unknown error");
}

}  // namespace
}  // namespace libk::multiboot2
