#include "libk/multiboot2/testing/bounds_check.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <stdexcept>
#include <vector>

#include "libk/multiboot2/info.h"
#include "libk/multiboot2/testing/guarded_buffer.h"
#include "libk/multiboot2/testing/info_builder.h"

namespace libk::multiboot2::testing {
namespace {

void Require(bool condition, const char* what) {
  if (!condition) throw std::runtime_error(what);
}

// Requires [view, view + size) to lie inside [base, base + available).
void RequireInside(const void* view, std::size_t size, const std::byte* base,
                   std::size_t available) {
  const auto begin = std::bit_cast<std::uintptr_t>(view);
  const auto lo = std::bit_cast<std::uintptr_t>(base);
  Require(begin >= lo && size <= available && begin - lo <= available - size,
          "a view lies outside the buffer");
}

// Returns whether [view, view + size) lies inside `payload`.
bool Within(const void* view, std::size_t size, Span<const std::byte> payload) {
  const auto begin = std::bit_cast<std::uintptr_t>(view);
  const auto lo = std::bit_cast<std::uintptr_t>(payload.data());
  return begin >= lo && size <= payload.size() && begin - lo <= payload.size() - size;
}

Outcome ParseAndTouch(const std::byte* data, std::size_t available) {
  const Result<Info, ParseFailure> result = Info::Parse(data, available);
  if (!result.is_ok()) return Outcome{.ok = false, .failure = result.error(), .checksum = 0};
  return Outcome{.ok = true,
                 .failure = std::nullopt,
                 .checksum = TouchEverything(result.value(), data, available)};
}

}  // namespace

std::uint64_t TouchEverything(const Info& info, const std::byte* base, std::size_t available,
                              bool strings_in_tags) {
  std::uint64_t sum = 0;
  const auto mix = [&sum](std::uint64_t value) { sum = sum * 1000003 + value; };
  // A string must also lie inside a tag of its type, and leave room there for its NUL.
  const auto touch_string = [&](StringView text, TagType type) {
    RequireInside(text.data(), text.size(), base, available);
    bool in_tag = false;
    for (const Tag tag : info.Tags()) {
      in_tag = in_tag || (tag.type == type && Within(text.data(), text.size() + 1, tag.payload));
    }
    Require(in_tag || !strings_in_tags, "a string lies outside its tag");
    for (const char c : text) mix(static_cast<unsigned char>(c));
  };
  if (const auto text = info.CommandLine()) touch_string(*text, TagType::kCommandLine);
  if (const auto text = info.BootloaderName()) touch_string(*text, TagType::kBootloaderName);
  if (const auto mem = info.BasicMemInfo()) mix(mem->mem_lower + mem->mem_upper);
  if (const auto dev = info.BootDevice()) mix(dev->bios_device ^ dev->partition);
  for (const MemoryRegion region : info.MemoryMap()) {
    mix(region.base);
    mix(region.length);
    mix(static_cast<std::uint32_t>(region.type));
  }
  for (const Module module : info.Modules()) {
    mix(module.start);
    mix(module.end);
    touch_string(module.cmdline, TagType::kModule);
  }
  if (const auto fb = info.Framebuffer()) {
    mix(fb->address);
    mix(fb->rgb.blue_mask_size);
    for (std::size_t i = 0; i < fb->palette.size(); ++i) mix(fb->palette[i].green);
  }
  for (const Tag tag : info.Tags()) {
    mix(static_cast<std::uint32_t>(tag.type));
    RequireInside(tag.payload.data(), tag.payload.size(), base, available);
    for (const std::byte byte : tag.payload) mix(std::to_integer<std::uint8_t>(byte));
  }
  return sum;
}

Outcome CheckEverywhere(std::span<const std::byte> bytes) {
  // First an exact-size heap copy: ASan flags any access past it (or before it), with a
  // stack trace. Without ASan a small over-read there goes unnoticed, so then the guards.
  auto heap = std::make_unique<std::byte[]>(bytes.size());
  if (!bytes.empty()) std::memcpy(heap.get(), bytes.data(), bytes.size());
  const Outcome outcome = ParseAndTouch(heap.get(), bytes.size());
  const GuardedBuffer after(bytes, GuardedBuffer::Guard::kAfter);
  Require(ParseAndTouch(after.data(), after.size()) == outcome,
          "parsing before a guard page differs from parsing a heap copy");
  const GuardedBuffer before(bytes, GuardedBuffer::Guard::kBefore);
  Require(ParseAndTouch(before.data(), before.size()) == outcome,
          "parsing after a guard page differs from parsing a heap copy");
  return outcome;
}

std::vector<std::size_t> TagOffsets(std::span<const std::byte> bytes) {
  std::vector<std::size_t> offsets;
  std::size_t offset = 8;
  while (offset + 8 <= bytes.size()) {
    offsets.push_back(offset);
    const std::uint32_t size = GetU32(bytes, offset + 4);
    if (GetU32(bytes, offset) == 0 || size < 8) break;
    offset += (std::size_t{size} + 7) & ~std::size_t{7};
  }
  return offsets;
}

std::vector<std::byte> ToBytes(std::span<const std::uint8_t> bytes) {
  std::vector<std::byte> out;
  for (const std::uint8_t byte : bytes) out.push_back(std::byte{byte});
  return out;
}

}  // namespace libk::multiboot2::testing
