// RapidCheck generators for multiboot2 boot information models: every model they make is
// one a well-behaved loader could send, so Parse(Build(model)) must succeed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <rapidcheck.h>

#include "libk/multiboot2/testing/info_builder.h"
#include "libk/multiboot2/types.h"
#include "libk/multiboot2/values.h"

namespace libk::multiboot2::testing {

// Returns *gen half of the time and nothing otherwise. Call inside rc::gen::exec.
template <typename T>
std::optional<T> MaybeOf(const rc::Gen<T>& gen) {
  if (*rc::gen::arbitrary<bool>()) return *gen;
  return std::nullopt;
}

// Strings without NUL characters, as C strings in the structure must be.
inline rc::Gen<std::string> GenCString() {
  return rc::gen::map(rc::gen::arbitrary<std::string>(), [](std::string text) {
    std::erase(text, '\0');
    return text;
  });
}

// Any memory type, known or not.
inline rc::Gen<MemoryType> GenMemoryType() {
  return rc::gen::oneOf(
      rc::gen::element(MemoryType::kAvailable, MemoryType::kReserved, MemoryType::kAcpiReclaimable,
                       MemoryType::kAcpiNvs, MemoryType::kBadMemory),
      rc::gen::map(rc::gen::arbitrary<std::uint32_t>(),
                   [](std::uint32_t value) { return static_cast<MemoryType>(value); }));
}

// Regions whose end does not pass 2^64 - 1, often page-aligned like real ones.
inline rc::Gen<MemoryRegion> GenMemoryRegion() {
  return rc::gen::exec([] {
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t base = *rc::gen::arbitrary<std::uint64_t>();
    std::uint64_t length = *rc::gen::arbitrary<std::uint64_t>();
    if (*rc::gen::arbitrary<bool>()) {
      base = *rc::gen::inRange<std::uint64_t>(0, 1 << 20) * 4096;
      length = *rc::gen::inRange<std::uint64_t>(0, 1 << 20) * 4096;
    }
    if (length > kMax - base) length = kMax - base;
    return MemoryRegion{.base = base, .length = length, .type = *GenMemoryType()};
  });
}

inline rc::Gen<ModuleModel> GenModule() {
  return rc::gen::exec([] {
    std::uint32_t start = *rc::gen::arbitrary<std::uint32_t>();
    std::uint32_t end = *rc::gen::arbitrary<std::uint32_t>();
    if (start > end) std::swap(start, end);
    return ModuleModel{.start = start, .end = end, .cmdline = *GenCString()};
  });
}

inline rc::Gen<FramebufferModel> GenFramebuffer() {
  return rc::gen::exec([] {
    FramebufferModel fb;
    fb.address = *rc::gen::arbitrary<std::uint64_t>();
    fb.pitch = *rc::gen::arbitrary<std::uint32_t>();
    fb.width = *rc::gen::arbitrary<std::uint32_t>();
    fb.height = *rc::gen::arbitrary<std::uint32_t>();
    fb.bits_per_pixel = *rc::gen::arbitrary<std::uint8_t>();
    fb.type = *rc::gen::element(FramebufferType::kIndexed, FramebufferType::kRgb,
                                FramebufferType::kEgaText, static_cast<FramebufferType>(9));
    if (fb.type == FramebufferType::kRgb) {
      fb.rgb = RgbFormat{
          .red_position = *rc::gen::arbitrary<std::uint8_t>(),
          .red_mask_size = *rc::gen::arbitrary<std::uint8_t>(),
          .green_position = *rc::gen::arbitrary<std::uint8_t>(),
          .green_mask_size = *rc::gen::arbitrary<std::uint8_t>(),
          .blue_position = *rc::gen::arbitrary<std::uint8_t>(),
          .blue_mask_size = *rc::gen::arbitrary<std::uint8_t>(),
      };
    }
    if (fb.type == FramebufferType::kIndexed) {
      const auto colors =
          *rc::gen::container<std::vector<std::uint8_t>>(rc::gen::arbitrary<std::uint8_t>());
      for (std::size_t i = 0; i + 2 < colors.size(); i += 3) {
        fb.palette.push_back(PaletteColor{colors[i], colors[i + 1], colors[i + 2]});
      }
    }
    return fb;
  });
}

// Tags the parser only bounds-checks: VBE (7), ELF sections (9) and every type from 10 on.
inline rc::Gen<RawTagModel> GenOtherTag() {
  return rc::gen::exec([] {
    const std::uint32_t type = *rc::gen::oneOf(
        rc::gen::element<std::uint32_t>(7, 9), rc::gen::inRange<std::uint32_t>(10, 22),
        rc::gen::inRange<std::uint32_t>(22, std::numeric_limits<std::uint32_t>::max()));
    std::vector<std::byte> payload;
    for (const std::uint8_t byte : *rc::gen::arbitrary<std::vector<std::uint8_t>>()) {
      payload.push_back(std::byte{byte});
    }
    return RawTagModel{.type = type, .payload = std::move(payload)};
  });
}

inline rc::Gen<InfoModel> GenInfoModel() {
  return rc::gen::exec([] {
    InfoModel model;
    model.command_line = MaybeOf(GenCString());
    model.bootloader_name = MaybeOf(GenCString());
    model.basic_mem_info = MaybeOf(rc::gen::exec([] {
      return BasicMemoryInfo{.mem_lower = *rc::gen::arbitrary<std::uint32_t>(),
                             .mem_upper = *rc::gen::arbitrary<std::uint32_t>()};
    }));
    model.boot_device = MaybeOf(rc::gen::exec([] {
      return BiosBootDevice{.bios_device = *rc::gen::arbitrary<std::uint32_t>(),
                            .partition = *rc::gen::arbitrary<std::uint32_t>(),
                            .sub_partition = *rc::gen::arbitrary<std::uint32_t>()};
    }));
    model.memory_map = MaybeOf(rc::gen::container<std::vector<MemoryRegion>>(GenMemoryRegion()));
    model.memory_map_entry_size = *rc::gen::element<std::uint32_t>(24, 32, 40, 64);
    model.modules = *rc::gen::container<std::vector<ModuleModel>>(GenModule());
    model.framebuffer = MaybeOf(GenFramebuffer());
    model.other_tags = *rc::gen::container<std::vector<RawTagModel>>(GenOtherTag());
    return model;
  });
}

}  // namespace libk::multiboot2::testing
