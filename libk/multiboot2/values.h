// The decoded values the multiboot2 parser hands out: small views into the loader's bytes
// (StringRef, ByteView) and plain structs copied out of them. Optional, StringRef and
// ByteView are local stand-ins until libk has its own optional and views.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/multiboot2/types.h"
#include "libk/panic/panic.h"

namespace libk::multiboot2 {

// A value or nothing, for tags a loader may leave out. T must be default-constructible.
template <typename T>
class Optional {
 public:
  constexpr Optional() = default;
  // Holds `value`. Implicit, like std::optional's.
  constexpr Optional(const T& value) : value_(value), has_value_(true) {}  // NOLINT

  constexpr bool has_value() const { return has_value_; }
  constexpr explicit operator bool() const { return has_value_; }

  // Returns the value; panics when there is none.
  constexpr const T& value() const {
    LIBK_ASSERT(has_value_, "multiboot2::Optional::value() on an empty Optional");
    return value_;
  }
  constexpr const T& operator*() const { return value(); }
  constexpr const T* operator->() const { return &value(); }

 private:
  T value_{};
  bool has_value_ = false;
};

// A string inside the boot information: `size()` characters, not counting the NUL that
// follows them in the loader's bytes.
class StringRef {
 public:
  constexpr StringRef() = default;
  // Views the `size` characters at `data`.
  constexpr StringRef(const char* data, std::size_t size) : data_(data), size_(size) {}

  constexpr const char* data() const { return data_; }
  constexpr std::size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr const char* begin() const { return data_; }
  constexpr const char* end() const { return data_ + size_; }

  // Returns character `i`; panics unless i < size().
  constexpr char operator[](std::size_t i) const {
    LIBK_ASSERT(i < size_, "StringRef index out of range");
    return data_[i];
  }

  // Returns whether both hold the same characters.
  friend constexpr bool operator==(StringRef a, StringRef b) {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i) {
      if (a.data_[i] != b.data_[i]) return false;
    }
    return true;
  }

 private:
  const char* data_ = "";
  std::size_t size_ = 0;
};

// Bytes inside the boot information, such as a tag's payload.
class ByteView {
 public:
  constexpr ByteView() = default;
  // Views the `size` bytes at `data`.
  constexpr ByteView(const std::byte* data, std::size_t size) : data_(data), size_(size) {}

  constexpr const std::byte* data() const { return data_; }
  constexpr std::size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr const std::byte* begin() const { return data_; }
  constexpr const std::byte* end() const { return data_ + size_; }

  // Returns byte `i`; panics unless i < size().
  constexpr std::byte operator[](std::size_t i) const {
    LIBK_ASSERT(i < size_, "ByteView index out of range");
    return data_[i];
  }

 private:
  const std::byte* data_ = nullptr;
  std::size_t size_ = 0;
};

// One entry of the memory map: the physical range [base, base + length), which the parser
// guarantees does not wrap around 2^64.
struct MemoryRegion {
  std::uint64_t base = 0;
  std::uint64_t length = 0;
  MemoryType type = MemoryType::kReserved;

  friend constexpr bool operator==(const MemoryRegion&, const MemoryRegion&) = default;
};

// A boot module the loader placed at physical [start, end), with its command line.
struct Module {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  StringRef cmdline;
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
  explicit constexpr Palette(ByteView bytes) : bytes_(bytes) {}
  ByteView bytes_;
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
  ByteView payload;
};

}  // namespace libk::multiboot2
