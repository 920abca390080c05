// The multiboot2 boot information handed over by the loader (GRUB passes it in %ebx), and
// its validating parser. Nothing in the structure is trusted: Parse checks every size
// before reading and Info's accessors read only what Parse checked.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/fmt/string_view.h"
#include "libk/multiboot2/ranges.h"
#include "libk/multiboot2/types.h"
#include "libk/multiboot2/values.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk::multiboot2 {

// Why Parse rejected a structure.
enum class ParseError : std::uint8_t {
  kTooSmall,                   // `available` cannot hold the 8-byte header.
  kTotalSizeTooSmall,          // total_size < 16 (header plus end tag).
  kTotalSizeExceedsAvailable,  // total_size > `available`.
  kMissingEndTag,              // The tags run out without an end tag.
  kTagTooSmall,                // A tag's size is below its 8-byte header.
  kTagOutOfBounds,             // A tag ends past total_size.
  kBadEndTag,                  // The end tag's size is not 8.
  kDataAfterEndTag,            // total_size goes on past the end tag.
  kDuplicateTag,               // A tag that may appear once appears again.
  kTagTooShortForType,         // A known tag is smaller than its fixed fields.
  kUnterminatedString,         // A string has no NUL inside its tag.
  kBadModuleRange,             // A module's mod_start > mod_end.
  kBadMemoryMapEntrySize,      // entry_size < 24 or not a multiple of 8.
  kBadMemoryMapVersion,        // entry_version != 0.
  kMemoryMapEntriesMisfit,     // The entries do not fill the tag exactly.
  kMemoryRegionOverflow,       // base + length of a memory region exceeds 2^64 - 1.
  kBadFramebufferColorInfo,    // The framebuffer's color information does not fit its tag.
};

// Returns a short description of `error` ("tag ends past total_size"). The string is static.
const char* ParseErrorName(ParseError error);

// Why and where Parse rejected a structure: the rule broken and the byte offset, from the
// start of the structure, of the tag at fault (0 for the header's own errors). The offset
// is what a hex dump of a loader's bytes needs to find the culprit.
struct ParseFailure {
  ParseError reason = ParseError::kTooSmall;
  std::uint64_t offset = 0;

  friend constexpr bool operator==(const ParseFailure&, const ParseFailure&) = default;
};

// Validated boot information: a view of the loader's bytes plus what Parse decoded; the
// bytes stay owned by the loader. Pass it by reference: it is about 200 bytes.
//
// Invariant: every view an accessor returns lies inside [data(), data() + total_size()),
// and Parse accepted those bytes under the rules documented on ParseError.
class Info {
 public:
  // Validates the `available` bytes at `data` as boot information: total_size (the first
  // u32) must be in [16, available]; then the tags must follow each other at 8-byte aligned
  // offsets, each at least 8 bytes and inside total_size, up to an end tag (type 0, size 8)
  // that closes the structure exactly; and each tag this parser knows must hold its fields
  // (see ParseError). Unknown tags are kept and only bounds-checked. Returns the Info, or
  // the first error found with the offset of the tag at fault. Reads no byte outside
  // [data, data + available).
  // Safety: `data` must point at `available` readable bytes that stay mapped while the
  // Info is used. (If they change after Parse, accessors still read only inside
  // them, but may return changed values.)
  static Result<Info, ParseFailure> Parse(const std::byte* data, std::size_t available);

  // Validates the structure a multiboot2 loader left at `data`, as Parse does, trusting
  // only its first u32 for the number of readable bytes.
  // Safety: `data` must point at 4 readable bytes, and at as many as their value says
  // when that is more; they must stay mapped while the Info is used.
  static Result<Info, ParseFailure> FromBootloader(const std::byte* data);

  // Returns the kernel's command line, if the loader sent one.
  Optional<StringView> CommandLine() const { return command_line_; }
  // Returns the loader's name, such as "GRUB 2.06", if it sent one.
  Optional<StringView> BootloaderName() const { return bootloader_name_; }
  // Returns the basic memory information, if present.
  Optional<BasicMemoryInfo> BasicMemInfo() const { return basic_mem_info_; }
  // Returns the BIOS boot device, if present.
  Optional<BiosBootDevice> BootDevice() const { return boot_device_; }
  // Returns the framebuffer information, if present.
  Optional<FramebufferInfo> Framebuffer() const { return framebuffer_; }

  // Returns whether the loader sent a memory map.
  bool HasMemoryMap() const { return has_memory_map_; }
  // Returns the memory map's regions in the loader's order; empty without a memory map.
  MemoryMapRange MemoryMap() const { return memory_map_; }
  // Returns the boot modules in the loader's order.
  ModuleRange Modules() const { return ModuleRange(Tags()); }
  // Returns every tag except the end tag, known or not, in order.
  TagRange Tags() const { return TagRange(data_, total_size_); }

  // Returns the start of the structure and its validated size in bytes.
  const std::byte* data() const { return data_; }
  std::uint32_t total_size() const { return total_size_; }

 private:
  Info() = default;
  // Does Parse's work on this empty Info.
  // Safety: as for Parse.
  Result<void, ParseFailure> Validate(const std::byte* data, std::size_t available);
  // Checks the tag of `size` bytes at `tag` and records what it holds; returns why the tag
  // is invalid if it is.
  // Safety: `tag` must point at `size` >= 8 readable bytes.
  Result<void, ParseError> Record(const std::byte* tag, std::uint32_t type, std::uint32_t size);
  Result<void, ParseError> RecordMemoryMap(const std::byte* tag, std::uint32_t size);
  Result<void, ParseError> RecordFramebuffer(const std::byte* tag, std::uint32_t size);

  const std::byte* data_ = nullptr;
  std::uint32_t total_size_ = 0;
  Optional<StringView> command_line_;
  Optional<StringView> bootloader_name_;
  Optional<BasicMemoryInfo> basic_mem_info_;
  Optional<BiosBootDevice> boot_device_;
  Optional<FramebufferInfo> framebuffer_;
  bool has_memory_map_ = false;
  MemoryMapRange memory_map_;
};

}  // namespace libk::multiboot2

// Prints the description of the error, as ParseErrorName.
template <>
struct libk::Formatter<libk::multiboot2::ParseError> {
  static void Format(multiboot2::ParseError error, const FormatSpec& spec, Sink& sink);
};

// Prints "tag ends past total_size at offset 0x48".
template <>
struct libk::Formatter<libk::multiboot2::ParseFailure> {
  static void Format(const multiboot2::ParseFailure& failure, const FormatSpec& spec, Sink& sink);
};
