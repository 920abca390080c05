// Builds multiboot2 boot information for host tests: InfoModel describes what a loader
// would send, Build serialises it the way GRUB does, and InfoBuilder appends raw tags for
// tests that need malformed structures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "libk/multiboot2/types.h"
#include "libk/multiboot2/values.h"

namespace libk::multiboot2::testing {

struct ModuleModel {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string cmdline;  // Without NUL characters.

  friend bool operator==(const ModuleModel&, const ModuleModel&) = default;
};

struct FramebufferModel {
  std::uint64_t address = 0;
  std::uint32_t pitch = 0;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::uint8_t bits_per_pixel = 0;
  FramebufferType type = FramebufferType::kEgaText;
  RgbFormat rgb;                      // Written only for kRgb.
  std::vector<PaletteColor> palette;  // Written only for kIndexed.

  friend bool operator==(const FramebufferModel&, const FramebufferModel&) = default;
};

// A tag the parser does not decode (type 7, 9 and up), kept as raw payload bytes.
struct RawTagModel {
  std::uint32_t type = 0;
  std::vector<std::byte> payload;

  friend bool operator==(const RawTagModel&, const RawTagModel&) = default;
};

// What a loader sends. Build writes the present parts in this order: command line,
// bootloader name, basic memory info, boot device, memory map, modules, framebuffer, other
// tags.
struct InfoModel {
  std::optional<std::string> command_line;     // Without NUL characters.
  std::optional<std::string> bootloader_name;  // Without NUL characters.
  std::optional<BasicMemoryInfo> basic_mem_info;
  std::optional<BiosBootDevice> boot_device;
  std::optional<std::vector<MemoryRegion>> memory_map;
  std::uint32_t memory_map_entry_size = 24;  // >= 24, a multiple of 8; extra bytes are 0xa5.
  std::vector<ModuleModel> modules;
  std::optional<FramebufferModel> framebuffer;
  std::vector<RawTagModel> other_tags;

  friend bool operator==(const InfoModel&, const InfoModel&) = default;
};

// Prints `model` for test failure messages.
std::ostream& operator<<(std::ostream& out, const InfoModel& model);

// Appends tags to a structure, padding each to 8 bytes.
class InfoBuilder {
 public:
  InfoBuilder();

  // Appends a tag of `type` whose size field is 8 + payload.size().
  InfoBuilder& AddTag(std::uint32_t type, std::span<const std::byte> payload);
  // Appends a tag of `type` holding `text` and a NUL.
  InfoBuilder& AddStringTag(std::uint32_t type, std::string_view text);
  // Appends the end tag, sets total_size and returns a copy of the bytes.
  std::vector<std::byte> Finish();
  // Sets total_size to the bytes so far and returns a copy of them, without an end tag.
  std::vector<std::byte> FinishWithoutEndTag();

 private:
  std::vector<std::byte> bytes_;
};

// Serialises `model`.
std::vector<std::byte> Build(const InfoModel& model);

// Little-endian field helpers for building payloads and patching buffers.
void AppendU8(std::vector<std::byte>& out, std::uint8_t value);
void AppendU16(std::vector<std::byte>& out, std::uint16_t value);
void AppendU32(std::vector<std::byte>& out, std::uint32_t value);
void AppendU64(std::vector<std::byte>& out, std::uint64_t value);
void PutU32(std::span<std::byte> bytes, std::size_t offset, std::uint32_t value);
std::uint32_t GetU32(std::span<const std::byte> bytes, std::size_t offset);

// Returns the offset of the first tag of `type` in the well-formed structure `bytes`, or
// nullopt.
std::optional<std::size_t> FindTag(std::span<const std::byte> bytes, std::uint32_t type);

}  // namespace libk::multiboot2::testing
