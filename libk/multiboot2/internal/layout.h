// The byte layouts of the multiboot2 boot information, and the one way this package reads
// them: a byte copy into a local struct, so no access is misaligned or type-punned.
// Internal to //libk/multiboot2: users see the decoded values in values.h.
#pragma once

#include <cstddef>
#include <cstdint>

namespace libk::multiboot2::internal {

// The fixed header of the whole structure.
struct RawInfoHeader {
  std::uint32_t total_size;
  std::uint32_t reserved;
};
static_assert(sizeof(RawInfoHeader) == 8);

// The header every tag starts with; `size` counts these 8 bytes but not the padding to the
// next 8-byte boundary.
struct RawTagHeader {
  std::uint32_t type;
  std::uint32_t size;
};
static_assert(sizeof(RawTagHeader) == 8);

struct RawBasicMemInfo {
  RawTagHeader header;
  std::uint32_t mem_lower;
  std::uint32_t mem_upper;
};
static_assert(sizeof(RawBasicMemInfo) == 16);

struct RawBootDevice {
  RawTagHeader header;
  std::uint32_t bios_device;
  std::uint32_t partition;
  std::uint32_t sub_partition;
};
static_assert(sizeof(RawBootDevice) == 20);

// A module tag: this header, then the module's NUL-terminated command line.
struct RawModuleHeader {
  RawTagHeader header;
  std::uint32_t mod_start;
  std::uint32_t mod_end;
};
static_assert(sizeof(RawModuleHeader) == 16);

// A memory map tag: this header, then entries of `entry_size` bytes each, each starting
// with a RawMemoryMapEntry (later versions of the format may append fields).
struct RawMemoryMapHeader {
  RawTagHeader header;
  std::uint32_t entry_size;
  std::uint32_t entry_version;
};
static_assert(sizeof(RawMemoryMapHeader) == 16);

struct RawMemoryMapEntry {
  std::uint64_t base;
  std::uint64_t length;
  std::uint32_t type;
  std::uint32_t reserved;
};
static_assert(sizeof(RawMemoryMapEntry) == 24);

// A framebuffer tag: this header, then color information that depends on `type` (GRUB's
// layout, which the specification's text differs from by using a u16 `reserved` and a u16
// palette size).
struct RawFramebufferHeader {
  RawTagHeader header;
  std::uint64_t address;
  std::uint32_t pitch;
  std::uint32_t width;
  std::uint32_t height;
  std::uint8_t bits_per_pixel;
  std::uint8_t type;
  std::uint16_t reserved;
};
static_assert(sizeof(RawFramebufferHeader) == 32);

// The color information of a direct-RGB framebuffer.
struct RawRgbFormat {
  std::uint8_t red_position;
  std::uint8_t red_mask_size;
  std::uint8_t green_position;
  std::uint8_t green_mask_size;
  std::uint8_t blue_position;
  std::uint8_t blue_mask_size;
};
static_assert(sizeof(RawRgbFormat) == 6);

// The color information of an indexed framebuffer: a u16 count, then `count` colors.
inline constexpr std::size_t kPaletteCountSize = 2;
inline constexpr std::size_t kPaletteColorSize = 3;

// The smallest valid structure: the header and the end tag.
inline constexpr std::uint32_t kMinTotalSize = sizeof(RawInfoHeader) + sizeof(RawTagHeader);

// Returns `value` rounded up to a multiple of 8; exact for every u32 `value`.
constexpr std::uint64_t AlignUp8(std::uint64_t value) { return (value + 7) & ~std::uint64_t{7}; }

// Copies a T out of the bytes at `bytes`.
// Safety: `bytes` must point at sizeof(T) readable bytes; T must be one of the plain
// structs or integers above.
template <typename T>
T Load(const std::byte* bytes) {
  T value{};
  __builtin_memcpy(&value, bytes, sizeof(T));
  return value;
}

// Returns the characters at `bytes`. char may alias any object, so reading a string
// through the result is defined; no reinterpret_cast is needed.
inline const char* AsChars(const std::byte* bytes) {
  // SAFETY: the pointer still points at the same bytes, and char may alias any object.
  // NOLINTNEXTLINE(bugprone-casting-through-void): char may alias any object (see above).
  return static_cast<const char*>(static_cast<const void*>(bytes));
}

}  // namespace libk::multiboot2::internal
