#include "libk/multiboot2/info.h"

#include <cstddef>
#include <cstdint>
#include <limits>

#include "libk/fmt/format.h"
#include "libk/fmt/string_view.h"
#include "libk/multiboot2/internal/layout.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk::multiboot2 {
namespace {

using internal::Load;
using internal::RawTagHeader;

// Returns the NUL-terminated string that fills the rest of a tag, from `offset` to `size`,
// or nothing if there is no NUL before the tag ends.
// Safety: `tag` must point at `size` readable bytes.
Optional<StringView> ReadString(const std::byte* tag, std::uint32_t offset, std::uint32_t size) {
  if (offset >= size) return kNone;
  const std::size_t limit = size - offset;
  const char* text = internal::AsChars(tag + offset);
  // SAFETY: the `limit` characters at `text` lie inside the tag.
  const std::size_t length = BoundedStringLength(text, limit);
  if (length == limit) return kNone;
  // SAFETY: as above, and length < limit.
  return StringView(text, length);
}

// Records the string tag at `tag` into `slot`.
Result<void, ParseError> RecordString(const std::byte* tag, std::uint32_t size,
                                      Optional<StringView>& slot) {
  if (slot.has_value()) return Err(ParseError::kDuplicateTag);
  slot = ReadString(tag, sizeof(RawTagHeader), size);
  if (!slot.has_value()) return Err(ParseError::kUnterminatedString);
  return Ok();
}

// Checks that the tag holds a T, and that its kind of tag was not seen before.
template <typename T, typename Slot>
Result<void, ParseError> CheckFixedTag(std::uint32_t size, const Slot& slot) {
  if (slot.has_value()) return Err(ParseError::kDuplicateTag);
  if (size < sizeof(T)) return Err(ParseError::kTagTooShortForType);
  return Ok();
}

}  // namespace

Result<Info, ParseFailure> Info::FromBootloader(const std::byte* data) {
  // SAFETY: the caller promises the first u32 is readable, and that many bytes in all.
  const auto total_size = Load<std::uint32_t>(data);
  // SAFETY: as above, total_size bytes at `data` are readable (Parse reads nothing when
  // total_size is below its 8-byte header).
  return Parse(data, total_size);
}

Result<Info, ParseFailure> Info::Parse(const std::byte* data, std::size_t available) {
  Info info;
  // SAFETY: the caller's promise on `data` and `available` is Validate's.
  LIBK_TRY(info.Validate(data, available));
  return info;
}

Result<void, ParseFailure> Info::Validate(const std::byte* data, std::size_t available) {
  const auto fail = [](ParseError reason, std::uint64_t offset) {
    return Err(ParseFailure{.reason = reason, .offset = offset});
  };
  if (data == nullptr || available < sizeof(internal::RawInfoHeader)) {
    return fail(ParseError::kTooSmall, 0);
  }
  // SAFETY: available >= 8.
  const auto header = Load<internal::RawInfoHeader>(data);
  if (header.total_size < internal::kMinTotalSize) {
    return fail(ParseError::kTotalSizeTooSmall, 0);
  }
  if (header.total_size > available) {
    return fail(ParseError::kTotalSizeExceedsAvailable, 0);
  }
  const std::uint64_t total = header.total_size;
  data_ = data;
  total_size_ = header.total_size;
  // Each pass moves on by at least 8 bytes, so the loop ends; offsets stay below 2^33.
  std::uint64_t offset = sizeof(internal::RawInfoHeader);
  for (;;) {
    if (offset + sizeof(RawTagHeader) > total) return fail(ParseError::kMissingEndTag, offset);
    // SAFETY: offset + 8 <= total <= available.
    const auto tag = Load<RawTagHeader>(data + offset);
    if (tag.size < sizeof(RawTagHeader)) return fail(ParseError::kTagTooSmall, offset);
    if (offset + tag.size > total) return fail(ParseError::kTagOutOfBounds, offset);
    if (tag.type == static_cast<std::uint32_t>(TagType::kEnd)) {
      if (tag.size != sizeof(RawTagHeader)) return fail(ParseError::kBadEndTag, offset);
      if (offset + tag.size != total) return fail(ParseError::kDataAfterEndTag, offset);
      return Ok();
    }
    // SAFETY: the tag's size bytes lie inside the total bytes checked above.
    const Result<void, ParseError> recorded = Record(data + offset, tag.type, tag.size);
    if (recorded.is_error()) return fail(recorded.error(), offset);
    offset += internal::AlignUp8(tag.size);
  }
}

Result<void, ParseError> Info::Record(const std::byte* tag, std::uint32_t type,
                                      std::uint32_t size) {
  switch (static_cast<TagType>(type)) {
    case TagType::kCommandLine:
      return RecordString(tag, size, command_line_);
    case TagType::kBootloaderName:
      return RecordString(tag, size, bootloader_name_);
    case TagType::kModule: {
      // Modules may repeat; Modules() decodes them again, so only check them here.
      if (size < sizeof(internal::RawModuleHeader)) return Err(ParseError::kTagTooShortForType);
      const auto module = Load<internal::RawModuleHeader>(tag);
      if (module.mod_start > module.mod_end) return Err(ParseError::kBadModuleRange);
      if (!ReadString(tag, sizeof(internal::RawModuleHeader), size).has_value()) {
        return Err(ParseError::kUnterminatedString);
      }
      return Ok();
    }
    case TagType::kBasicMemInfo: {
      LIBK_TRY(CheckFixedTag<internal::RawBasicMemInfo>(size, basic_mem_info_));
      const auto raw = Load<internal::RawBasicMemInfo>(tag);
      basic_mem_info_ = BasicMemoryInfo{.mem_lower = raw.mem_lower, .mem_upper = raw.mem_upper};
      return Ok();
    }
    case TagType::kBootDevice: {
      LIBK_TRY(CheckFixedTag<internal::RawBootDevice>(size, boot_device_));
      const auto raw = Load<internal::RawBootDevice>(tag);
      boot_device_ = BiosBootDevice{
          .bios_device = raw.bios_device,
          .partition = raw.partition,
          .sub_partition = raw.sub_partition,
      };
      return Ok();
    }
    case TagType::kMemoryMap:
      return RecordMemoryMap(tag, size);
    case TagType::kFramebuffer:
      return RecordFramebuffer(tag, size);
    default:
      return Ok();
  }
}

Result<void, ParseError> Info::RecordMemoryMap(const std::byte* tag, std::uint32_t size) {
  if (has_memory_map_) return Err(ParseError::kDuplicateTag);
  if (size < sizeof(internal::RawMemoryMapHeader)) return Err(ParseError::kTagTooShortForType);
  const auto header = Load<internal::RawMemoryMapHeader>(tag);
  if (header.entry_size < sizeof(internal::RawMemoryMapEntry) || header.entry_size % 8 != 0) {
    return Err(ParseError::kBadMemoryMapEntrySize);
  }
  if (header.entry_version != 0) return Err(ParseError::kBadMemoryMapVersion);
  const std::uint32_t entries_size = size - sizeof(internal::RawMemoryMapHeader);
  if (entries_size % header.entry_size != 0) return Err(ParseError::kMemoryMapEntriesMisfit);
  const std::byte* entries = tag + sizeof(internal::RawMemoryMapHeader);
  const std::uint32_t count = entries_size / header.entry_size;
  for (std::uint32_t i = 0; i < count; ++i) {
    // SAFETY: entry i lies inside the tag: (i + 1) * entry_size <= entries_size.
    const auto entry =
        Load<internal::RawMemoryMapEntry>(entries + (std::size_t{i} * header.entry_size));
    if (entry.length > std::numeric_limits<std::uint64_t>::max() - entry.base) {
      return Err(ParseError::kMemoryRegionOverflow);
    }
  }
  has_memory_map_ = true;
  // SAFETY: the count entries of entry_size >= 24 bytes fill the rest of the tag.
  memory_map_ = MemoryMapRange(entries, header.entry_size, count);
  return Ok();
}

Result<void, ParseError> Info::RecordFramebuffer(const std::byte* tag, std::uint32_t size) {
  LIBK_TRY(CheckFixedTag<internal::RawFramebufferHeader>(size, framebuffer_));
  const auto raw = Load<internal::RawFramebufferHeader>(tag);
  FramebufferInfo info{
      .address = raw.address,
      .pitch = raw.pitch,
      .width = raw.width,
      .height = raw.height,
      .bits_per_pixel = raw.bits_per_pixel,
      .type = static_cast<FramebufferType>(raw.type),
      .rgb = {},
      .palette = {},
  };
  const std::byte* color_info = tag + sizeof(internal::RawFramebufferHeader);
  const std::uint64_t color_info_size = size - sizeof(internal::RawFramebufferHeader);
  switch (info.type) {
    case FramebufferType::kIndexed: {
      if (color_info_size < internal::kPaletteCountSize) {
        return Err(ParseError::kBadFramebufferColorInfo);
      }
      const auto colors = Load<std::uint16_t>(color_info);
      const std::uint64_t palette_size = std::uint64_t{colors} * internal::kPaletteColorSize;
      if (internal::kPaletteCountSize + palette_size > color_info_size) {
        return Err(ParseError::kBadFramebufferColorInfo);
      }
      // SAFETY: the palette's bytes lie inside the tag (checked just above).
      info.palette =
          Palette(Span<const std::byte>(color_info + internal::kPaletteCountSize, palette_size));
      break;
    }
    case FramebufferType::kRgb: {
      if (color_info_size < sizeof(internal::RawRgbFormat)) {
        return Err(ParseError::kBadFramebufferColorInfo);
      }
      const auto rgb = Load<internal::RawRgbFormat>(color_info);
      info.rgb = RgbFormat{
          .red_position = rgb.red_position,
          .red_mask_size = rgb.red_mask_size,
          .green_position = rgb.green_position,
          .green_mask_size = rgb.green_mask_size,
          .blue_position = rgb.blue_position,
          .blue_mask_size = rgb.blue_mask_size,
      };
      break;
    }
    default:
      // EGA text has no color information; an unknown type is kept without any.
      break;
  }
  framebuffer_ = info;
  return Ok();
}

const char* ParseErrorName(ParseError error) {
  switch (error) {
    case ParseError::kTooSmall:
      return "buffer smaller than the 8-byte header";
    case ParseError::kTotalSizeTooSmall:
      return "total_size below 16";
    case ParseError::kTotalSizeExceedsAvailable:
      return "total_size exceeds the available bytes";
    case ParseError::kMissingEndTag:
      return "missing end tag";
    case ParseError::kTagTooSmall:
      return "tag size below 8";
    case ParseError::kTagOutOfBounds:
      return "tag ends past total_size";
    case ParseError::kBadEndTag:
      return "end tag size is not 8";
    case ParseError::kDataAfterEndTag:
      return "data after the end tag";
    case ParseError::kDuplicateTag:
      return "duplicate tag";
    case ParseError::kTagTooShortForType:
      return "tag too short for its type";
    case ParseError::kUnterminatedString:
      return "string not NUL-terminated within its tag";
    case ParseError::kBadModuleRange:
      return "module start after its end";
    case ParseError::kBadMemoryMapEntrySize:
      return "memory map entry_size below 24 or not a multiple of 8";
    case ParseError::kBadMemoryMapVersion:
      return "memory map entry_version is not 0";
    case ParseError::kMemoryMapEntriesMisfit:
      return "memory map entries do not fill the tag";
    case ParseError::kMemoryRegionOverflow:
      return "memory region wraps around 2^64";
    case ParseError::kBadFramebufferColorInfo:
      return "framebuffer color info does not fit the tag";
  }
  return "unknown error";
}

}  // namespace libk::multiboot2

void libk::Formatter<libk::multiboot2::ParseError>::Format(multiboot2::ParseError error,
                                                           const FormatSpec& spec, Sink& sink) {
  Formatter<const char*>::Format(multiboot2::ParseErrorName(error), spec, sink);
}

void libk::Formatter<libk::multiboot2::ParseFailure>::Format(
    const multiboot2::ParseFailure& failure, const FormatSpec& /*spec*/, Sink& sink) {
  libk::Format(sink, "{} at offset {:#x}", failure.reason, failure.offset);
}
