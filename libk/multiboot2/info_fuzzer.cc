// Fuzzes the multiboot2 parser. The first input byte picks how the rest is read:
//
// - even: the rest is the boot information itself. Parse must stay inside the bytes in
//   every placement (bounds_check.h: an exact heap copy under ASan, and next to guard
//   pages), and agree with itself when more bytes follow total_size; what it accepts,
//   read back as a model and built again (info_builder.h), must parse to the same model.
// - odd: the rest describes a model (ReadInfoModel below), which is built as GRUB would;
//   Parse must accept it and return exactly the model, and then a few mutations aimed at
//   the sizes the parser checks must still be rejected or read inside the bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "libk/multiboot2/info.h"
#include "libk/multiboot2/testing/bounds_check.h"
#include "libk/multiboot2/testing/info_builder.h"
#include "libk/multiboot2/testing/info_reader.h"
#include "libk/multiboot2/types.h"
#include "libk/multiboot2/values.h"
#include "libk/result/result.h"

#include "tools/fuzz/byte_reader.h"

namespace libk::multiboot2 {
namespace {

using keel::fuzz::ByteReader;
using testing::InfoModel;

// The entry size ReadModel is told; Build then writes entries of that size.
constexpr std::uint32_t kEntrySize = 24;

// Stops the run with `what`; libFuzzer records the input as a crash.
void Require(bool condition, const char* what) {
  if (condition) return;
  (void)std::fprintf(stderr, "multiboot2 fuzzer: %s\n", what);
  std::abort();
}

std::string CString(ByteReader& input) {
  std::string text = input.String(40);
  std::erase(text, '\0');
  return text;
}

// Reads memory regions whose ends do not pass 2^64 - 1.
std::vector<MemoryRegion> ReadRegions(ByteReader& input) {
  std::vector<MemoryRegion> regions;
  for (std::size_t i = input.Below(8); i > 0; --i) {
    const std::uint64_t base = input.U64();
    std::uint64_t length = input.U64();
    if (length > ~std::uint64_t{0} - base) length = ~std::uint64_t{0} - base;
    regions.push_back(MemoryRegion{base, length, static_cast<MemoryType>(input.U32())});
  }
  return regions;
}

testing::FramebufferModel ReadFramebuffer(ByteReader& input) {
  testing::FramebufferModel fb;
  fb.address = input.U64();
  fb.pitch = input.U32();
  fb.width = input.U32();
  fb.height = input.U32();
  fb.bits_per_pixel = input.Byte();
  fb.type = static_cast<FramebufferType>(input.Below(4));
  if (fb.type == FramebufferType::kRgb) {
    fb.rgb = {input.Byte(), input.Byte(), input.Byte(), input.Byte(), input.Byte(), input.Byte()};
  }
  if (fb.type == FramebufferType::kIndexed) {
    for (std::size_t i = input.Below(8); i > 0; --i) {
      fb.palette.push_back({input.Byte(), input.Byte(), input.Byte()});
    }
  }
  return fb;
}

// Reads a tag the parser only bounds-checks (never one it decodes, nor the end tag).
testing::RawTagModel ReadOtherTag(ByteReader& input) {
  std::uint32_t type = input.U32();
  if (testing::IsDecodedTag(static_cast<TagType>(type)) || type == 0) type = 7;
  std::vector<std::byte> payload;
  for (const std::uint8_t byte : input.Bytes(input.Below(24))) payload.push_back(std::byte{byte});
  return {type, payload};
}

// Reads a model that a well-behaved loader could send: each part is present when its
// flag bit is set, and every field comes from the input.
InfoModel ReadInfoModel(ByteReader& input) {
  InfoModel model;
  const std::uint8_t parts = input.Byte();
  if ((parts & 0x01) != 0) model.command_line = CString(input);
  if ((parts & 0x02) != 0) model.bootloader_name = CString(input);
  if ((parts & 0x04) != 0) model.basic_mem_info = BasicMemoryInfo{input.U32(), input.U32()};
  if ((parts & 0x08) != 0) {
    model.boot_device = BiosBootDevice{input.U32(), input.U32(), input.U32()};
  }
  if ((parts & 0x10) != 0) {
    model.memory_map = ReadRegions(input);
    model.memory_map_entry_size = 24 + (8 * static_cast<std::uint32_t>(input.Below(4)));
  }
  for (std::size_t i = input.Below(4); i > 0; --i) {
    std::uint32_t start = input.U32();
    std::uint32_t end = input.U32();
    if (start > end) std::swap(start, end);
    model.modules.push_back({start, end, CString(input)});
  }
  if ((parts & 0x20) != 0) model.framebuffer = ReadFramebuffer(input);
  const std::size_t other_tags = (parts & 0x40) != 0 ? 1 + input.Below(3) : 0;
  for (std::size_t i = 0; i < other_tags; ++i) model.other_tags.push_back(ReadOtherTag(input));
  return model;
}

// Overwrites the u32 at `offset` (if it fits) with a value near a size the parser checks.
void PutSizeLike(std::vector<std::byte>& bytes, std::size_t offset, ByteReader& input) {
  if (offset + 4 > bytes.size()) return;
  const auto total = static_cast<std::uint32_t>(bytes.size());
  const std::uint32_t choices[] = {0, 7, 8, 16, 23, 24, total - 8, total, total + 8, input.U32()};
  testing::PutU32(bytes, offset, choices[input.Below(std::size(choices))]);
}

// Applies the mutations the rest of the input asks for.
void Mutate(std::vector<std::byte>& bytes, ByteReader& input) {
  const std::vector<std::size_t> tags = testing::TagOffsets(bytes);
  while (!input.empty() && !bytes.empty()) {
    switch (input.Byte() % 4) {
      case 0:  // A tag's size or a field right after its header.
        if (!tags.empty()) {
          PutSizeLike(bytes, tags[input.Below(tags.size())] + (4 * (1 + input.Below(3))), input);
        }
        break;
      case 1:  // total_size.
        PutSizeLike(bytes, 0, input);
        break;
      case 2:  // Truncation.
        bytes.resize(input.Below(bytes.size() + 1));
        break;
      default:  // One byte anywhere.
        bytes[input.Below(bytes.size())] ^= std::byte{input.Byte()};
        break;
    }
  }
}

// Raw bytes: rejected or read in bounds, the same with trailing bytes, and stable when
// rebuilt from what was read.
void CheckRawBytes(std::span<const std::uint8_t> raw) {
  const std::vector<std::byte> bytes = testing::ToBytes(raw);
  const testing::Outcome outcome = testing::CheckEverywhere(bytes);
  if (bytes.size() >= 8) {
    const std::uint32_t total = testing::GetU32(bytes, 0);
    if (total >= 8 && total < bytes.size()) {
      const std::vector<std::byte> exact(bytes.begin(), bytes.begin() + total);
      Require(testing::CheckEverywhere(exact) == outcome,
              "bytes after total_size changed the outcome");
    }
  }
  if (!outcome.ok) return;
  const Result<Info, ParseFailure> info = Info::Parse(bytes.data(), bytes.size());
  const InfoModel model = testing::ReadModel(info.value(), kEntrySize);
  const std::vector<std::byte> rebuilt = testing::Build(model);
  const Result<Info, ParseFailure> again = Info::Parse(rebuilt.data(), rebuilt.size());
  Require(again.is_ok(), "what Parse accepted, rebuilt, was rejected");
  Require(testing::ReadModel(again.value(), kEntrySize) == model,
          "what Parse accepted, rebuilt, read back differently");
}

// A model: built, it parses to exactly the model; mutated, it stays in bounds.
void CheckModel(ByteReader& input) {
  const InfoModel model = ReadInfoModel(input);
  std::vector<std::byte> bytes = testing::Build(model);
  const Result<Info, ParseFailure> info = Info::Parse(bytes.data(), bytes.size());
  Require(info.is_ok(), "a well-formed structure was rejected");
  Require(testing::ReadModel(info.value(), model.memory_map_entry_size) == model,
          "the accessors did not return the model");
  Mutate(bytes, input);
  testing::CheckEverywhere(bytes);
}

}  // namespace
}  // namespace libk::multiboot2

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  keel::fuzz::ByteReader input(std::span(data, size));
  if (input.Bool()) {
    libk::multiboot2::CheckModel(input);
  } else {
    libk::multiboot2::CheckRawBytes(input.Rest());
  }
  return 0;
}
