#include "libk/multiboot2/testing/info_builder.h"

#include <cstddef>
#include <cstdint>
#include <ios>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace libk::multiboot2::testing {
namespace {

template <typename T>
void AppendLittleEndian(std::vector<std::byte>& out, T value) {
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    out.push_back(static_cast<std::byte>((value >> (8 * i)) & 0xff));
  }
}

void PadTo8(std::vector<std::byte>& out) {
  while (out.size() % 8 != 0) out.push_back(std::byte{0});
}

constexpr std::uint32_t Type(TagType type) { return static_cast<std::uint32_t>(type); }

}  // namespace

void AppendU8(std::vector<std::byte>& out, std::uint8_t value) { AppendLittleEndian(out, value); }
void AppendU16(std::vector<std::byte>& out, std::uint16_t value) { AppendLittleEndian(out, value); }
void AppendU32(std::vector<std::byte>& out, std::uint32_t value) { AppendLittleEndian(out, value); }
void AppendU64(std::vector<std::byte>& out, std::uint64_t value) { AppendLittleEndian(out, value); }

void PutU32(std::span<std::byte> bytes, std::size_t offset, std::uint32_t value) {
  if (offset + 4 > bytes.size()) throw std::out_of_range("PutU32 past the end");
  for (std::size_t i = 0; i < 4; ++i) {
    bytes[offset + i] = static_cast<std::byte>((value >> (8 * i)) & 0xff);
  }
}

std::uint32_t GetU32(std::span<const std::byte> bytes, std::size_t offset) {
  if (offset + 4 > bytes.size()) throw std::out_of_range("GetU32 past the end");
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value |= std::to_integer<std::uint32_t>(bytes[offset + i]) << (8 * i);
  }
  return value;
}

InfoBuilder::InfoBuilder() {
  AppendU32(bytes_, 0);  // total_size, set by Finish.
  AppendU32(bytes_, 0);  // reserved
}

InfoBuilder& InfoBuilder::AddTag(std::uint32_t type, std::span<const std::byte> payload) {
  AppendU32(bytes_, type);
  AppendU32(bytes_, static_cast<std::uint32_t>(8 + payload.size()));
  bytes_.insert(bytes_.end(), payload.begin(), payload.end());
  PadTo8(bytes_);
  return *this;
}

InfoBuilder& InfoBuilder::AddStringTag(std::uint32_t type, std::string_view text) {
  std::vector<std::byte> payload;
  for (char c : text) payload.push_back(static_cast<std::byte>(c));
  payload.push_back(std::byte{0});
  return AddTag(type, payload);
}

std::vector<std::byte> InfoBuilder::Finish() {
  AddTag(Type(TagType::kEnd), {});
  return FinishWithoutEndTag();
}

std::vector<std::byte> InfoBuilder::FinishWithoutEndTag() {
  PutU32(bytes_, 0, static_cast<std::uint32_t>(bytes_.size()));
  return bytes_;
}

std::vector<std::byte> Build(const InfoModel& model) {
  InfoBuilder builder;
  if (model.command_line) builder.AddStringTag(Type(TagType::kCommandLine), *model.command_line);
  if (model.bootloader_name) {
    builder.AddStringTag(Type(TagType::kBootloaderName), *model.bootloader_name);
  }
  if (model.basic_mem_info) {
    std::vector<std::byte> payload;
    AppendU32(payload, model.basic_mem_info->mem_lower);
    AppendU32(payload, model.basic_mem_info->mem_upper);
    builder.AddTag(Type(TagType::kBasicMemInfo), payload);
  }
  if (model.boot_device) {
    std::vector<std::byte> payload;
    AppendU32(payload, model.boot_device->bios_device);
    AppendU32(payload, model.boot_device->partition);
    AppendU32(payload, model.boot_device->sub_partition);
    builder.AddTag(Type(TagType::kBootDevice), payload);
  }
  if (model.memory_map) {
    std::vector<std::byte> payload;
    AppendU32(payload, model.memory_map_entry_size);
    AppendU32(payload, 0);  // entry_version
    for (const MemoryRegion& region : *model.memory_map) {
      AppendU64(payload, region.base);
      AppendU64(payload, region.length);
      AppendU32(payload, static_cast<std::uint32_t>(region.type));
      AppendU32(payload, 0);  // reserved
      for (std::uint32_t i = 24; i < model.memory_map_entry_size; ++i) {
        payload.push_back(std::byte{0xa5});
      }
    }
    builder.AddTag(Type(TagType::kMemoryMap), payload);
  }
  for (const ModuleModel& module : model.modules) {
    std::vector<std::byte> payload;
    AppendU32(payload, module.start);
    AppendU32(payload, module.end);
    for (char c : module.cmdline) payload.push_back(static_cast<std::byte>(c));
    payload.push_back(std::byte{0});
    builder.AddTag(Type(TagType::kModule), payload);
  }
  if (model.framebuffer) {
    const FramebufferModel& fb = *model.framebuffer;
    std::vector<std::byte> payload;
    AppendU64(payload, fb.address);
    AppendU32(payload, fb.pitch);
    AppendU32(payload, fb.width);
    AppendU32(payload, fb.height);
    AppendU8(payload, fb.bits_per_pixel);
    AppendU8(payload, static_cast<std::uint8_t>(fb.type));
    AppendU16(payload, 0);  // reserved
    if (fb.type == FramebufferType::kIndexed) {
      AppendU16(payload, static_cast<std::uint16_t>(fb.palette.size()));
      for (const PaletteColor& color : fb.palette) {
        AppendU8(payload, color.red);
        AppendU8(payload, color.green);
        AppendU8(payload, color.blue);
      }
    } else if (fb.type == FramebufferType::kRgb) {
      for (const std::uint8_t field :
           {fb.rgb.red_position, fb.rgb.red_mask_size, fb.rgb.green_position,
            fb.rgb.green_mask_size, fb.rgb.blue_position, fb.rgb.blue_mask_size}) {
        AppendU8(payload, field);
      }
    }
    builder.AddTag(Type(TagType::kFramebuffer), payload);
  }
  for (const RawTagModel& tag : model.other_tags) builder.AddTag(tag.type, tag.payload);
  return builder.Finish();
}

std::optional<std::size_t> FindTag(std::span<const std::byte> bytes, std::uint32_t type) {
  std::size_t offset = 8;
  while (offset + 8 <= bytes.size()) {
    const std::uint32_t tag_type = GetU32(bytes, offset);
    if (tag_type == type) return offset;
    if (tag_type == 0) return std::nullopt;
    const std::uint32_t size = GetU32(bytes, offset + 4);
    if (size < 8) return std::nullopt;
    offset += (static_cast<std::size_t>(size) + 7) & ~std::size_t{7};
  }
  return std::nullopt;
}

std::ostream& operator<<(std::ostream& out, const InfoModel& model) {
  const auto print_string = [&](const char* name, const std::optional<std::string>& text) {
    out << "  " << name << ": ";
    if (text) {
      out << '"' << *text << "\" (" << text->size() << " chars)\n";
    } else {
      out << "absent\n";
    }
  };
  out << std::hex << "InfoModel{\n";
  print_string("command_line", model.command_line);
  print_string("bootloader_name", model.bootloader_name);
  if (model.basic_mem_info) {
    out << "  basic_mem_info: " << model.basic_mem_info->mem_lower << " "
        << model.basic_mem_info->mem_upper << "\n";
  }
  if (model.boot_device) {
    out << "  boot_device: " << model.boot_device->bios_device << " "
        << model.boot_device->partition << " " << model.boot_device->sub_partition << "\n";
  }
  if (model.memory_map) {
    out << "  memory_map (entry_size " << model.memory_map_entry_size << "):\n";
    for (const MemoryRegion& region : *model.memory_map) {
      out << "    [" << region.base << ", +" << region.length << ") "
          << static_cast<std::uint32_t>(region.type) << "\n";
    }
  }
  for (const ModuleModel& module : model.modules) {
    out << "  module [" << module.start << ", " << module.end << ") \"" << module.cmdline << "\"\n";
  }
  if (model.framebuffer) {
    const FramebufferModel& fb = *model.framebuffer;
    out << "  framebuffer: " << fb.address << " type " << static_cast<int>(fb.type) << " "
        << fb.width << "x" << fb.height << "x" << static_cast<int>(fb.bits_per_pixel) << " pitch "
        << fb.pitch << " palette " << fb.palette.size() << "\n";
  }
  for (const RawTagModel& tag : model.other_tags) {
    out << "  tag " << tag.type << " with " << tag.payload.size() << " bytes\n";
  }
  return out << "}" << std::dec;
}

}  // namespace libk::multiboot2::testing
