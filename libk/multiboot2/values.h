// The decoded values the multiboot2 parser hands out: views into the loader's bytes
// (libk::StringView for strings, libk::Span<const std::byte> for raw bytes) and plain
// structs copied out of them, with formatters where printing them makes sense.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/containers/span.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/fmt/string_view.h"
#include "libk/multiboot2/types.h"
#include "libk/panic/panic.h"

namespace libk::multiboot2 {

// One entry of the memory map: the physical range [base, base + length), which the parser
// guarantees does not wrap around 2^64.
struct MemoryRegion {
  std::uint64_t base = 0;
  std::uint64_t length = 0;
  MemoryType type = MemoryType::kReserved;

  friend constexpr bool operator==(const MemoryRegion&, const MemoryRegion&) = default;
};

// A boot module the loader placed at physical [start, end), with its command line (the
// characters before its NUL).
struct Module {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  StringView cmdline;
};

// The basic memory information tag: amounts of lower memory (from 0) and upper memory
// (from 1 MiB), in KiB.
struct BasicMemoryInfo {
  std::uint32_t mem_lower = 0;
  std::uint32_t mem_upper = 0;

  friend constexpr bool operator==(const BasicMemoryInfo&, const BasicMemoryInfo&) = default;
};

// The BIOS boot device tag.
struct BiosBootDevice {
  std::uint32_t bios_device = 0;
  std::uint32_t partition = 0;
  std::uint32_t sub_partition = 0;

  friend constexpr bool operator==(const BiosBootDevice&, const BiosBootDevice&) = default;
};

// The channel layout of a direct-RGB framebuffer.
struct RgbFormat {
  std::uint8_t red_position = 0;
  std::uint8_t red_mask_size = 0;
  std::uint8_t green_position = 0;
  std::uint8_t green_mask_size = 0;
  std::uint8_t blue_position = 0;
  std::uint8_t blue_mask_size = 0;

  friend constexpr bool operator==(const RgbFormat&, const RgbFormat&) = default;
};

// One color of an indexed framebuffer's palette.
struct PaletteColor {
  std::uint8_t red = 0;
  std::uint8_t green = 0;
  std::uint8_t blue = 0;

  friend constexpr bool operator==(const PaletteColor&, const PaletteColor&) = default;
};

// The palette of an indexed framebuffer, read from the loader's bytes on demand.
class Palette {
 public:
  constexpr Palette() = default;

  constexpr std::size_t size() const { return bytes_.size() / kColorSize; }

  // Returns color `i`; panics unless i < size().
  PaletteColor operator[](std::size_t i) const {
    LIBK_ASSERT(i < size(), "Palette index out of range");
    return PaletteColor{
        .red = static_cast<std::uint8_t>(bytes_[i * kColorSize]),
        .green = static_cast<std::uint8_t>(bytes_[i * kColorSize + 1]),
        .blue = static_cast<std::uint8_t>(bytes_[i * kColorSize + 2]),
    };
  }

 private:
  friend class Info;
  static constexpr std::size_t kColorSize = 3;
  explicit constexpr Palette(Span<const std::byte> bytes) : bytes_(bytes) {}
  Span<const std::byte> bytes_;
};

// The framebuffer tag. `rgb` means something only for FramebufferType::kRgb and `palette`
// only for kIndexed; both are empty otherwise.
struct FramebufferInfo {
  std::uint64_t address = 0;
  std::uint32_t pitch = 0;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::uint8_t bits_per_pixel = 0;
  FramebufferType type = FramebufferType::kEgaText;
  RgbFormat rgb;
  Palette palette;
};

// Any tag, as Info::Tags() yields it: its type, its size field and the bytes after its
// 8-byte header (size - 8 of them).
struct Tag {
  TagType type = TagType::kEnd;
  std::uint32_t size = 0;
  Span<const std::byte> payload;
};

}  // namespace libk::multiboot2

// Prints "[0x100000, 0x7fe0000) available": the region's bounds in hex and its type. (A
// region made by hand whose end wraps around 2^64 prints its end as "2^64 + 0x...".)
template <>
struct libk::Formatter<libk::multiboot2::MemoryRegion> {
  static void Format(const multiboot2::MemoryRegion& region, const FormatSpec& spec, Sink& sink);
};
