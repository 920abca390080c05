#include "libk/multiboot2/testing/info_reader.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libk/fmt/string_view.h"
#include "libk/result/optional.h"

namespace libk::multiboot2::testing {
namespace {

std::string ToString(StringView text) { return {text.begin(), text.end()}; }

std::optional<std::string> ToModel(const Optional<StringView>& text) {
  if (!text) return std::nullopt;
  return ToString(*text);
}

}  // namespace

bool IsDecodedTag(TagType type) {
  switch (type) {
    case TagType::kCommandLine:
    case TagType::kBootloaderName:
    case TagType::kModule:
    case TagType::kBasicMemInfo:
    case TagType::kBootDevice:
    case TagType::kMemoryMap:
    case TagType::kFramebuffer:
      return true;
    default:
      return false;
  }
}

InfoModel ReadModel(const Info& info, std::uint32_t memory_map_entry_size) {
  InfoModel model;
  model.command_line = ToModel(info.CommandLine());
  model.bootloader_name = ToModel(info.BootloaderName());
  if (info.BasicMemInfo()) model.basic_mem_info = *info.BasicMemInfo();
  if (info.BootDevice()) model.boot_device = *info.BootDevice();
  if (info.HasMemoryMap()) {
    model.memory_map.emplace();
    for (const MemoryRegion region : info.MemoryMap()) model.memory_map->push_back(region);
  }
  model.memory_map_entry_size = memory_map_entry_size;
  for (const Module module : info.Modules()) {
    model.modules.push_back(
        ModuleModel{.start = module.start, .end = module.end, .cmdline = ToString(module.cmdline)});
  }
  if (const auto fb = info.Framebuffer()) {
    FramebufferModel& out = model.framebuffer.emplace();
    out.address = fb->address;
    out.pitch = fb->pitch;
    out.width = fb->width;
    out.height = fb->height;
    out.bits_per_pixel = fb->bits_per_pixel;
    out.type = fb->type;
    out.rgb = fb->rgb;
    for (std::size_t i = 0; i < fb->palette.size(); ++i) out.palette.push_back(fb->palette[i]);
  }
  for (const Tag tag : info.Tags()) {
    if (IsDecodedTag(tag.type)) continue;
    model.other_tags.push_back(
        RawTagModel{.type = static_cast<std::uint32_t>(tag.type),
                    .payload = std::vector<std::byte>(tag.payload.begin(), tag.payload.end())});
  }
  return model;
}

}  // namespace libk::multiboot2::testing
