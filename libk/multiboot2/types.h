// The numbers of the multiboot2 boot information: tag types, memory types and framebuffer
// types, with their printable names and formatters. Values come from the multiboot2
// specification; the enums keep any other value a loader sends, so nothing is lost in a
// round trip.
#pragma once

#include <cstdint>

#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"

namespace libk::multiboot2 {

// The type field of a boot information tag.
enum class TagType : std::uint32_t {
  kEnd = 0,
  kCommandLine = 1,
  kBootloaderName = 2,
  kModule = 3,
  kBasicMemInfo = 4,
  kBootDevice = 5,
  kMemoryMap = 6,
  kVbeInfo = 7,
  kFramebuffer = 8,
  kElfSections = 9,
  kApmTable = 10,
  kEfi32SystemTable = 11,
  kEfi64SystemTable = 12,
  kSmbiosTables = 13,
  kAcpiOldRsdp = 14,
  kAcpiNewRsdp = 15,
  kNetworkInfo = 16,
  kEfiMemoryMap = 17,
  kEfiBootServicesNotTerminated = 18,
  kEfi32ImageHandle = 19,
  kEfi64ImageHandle = 20,
  kImageLoadBase = 21,
};

// The type of a memory map entry. Any other value is kept as is and means "unknown": treat
// such memory like kReserved.
enum class MemoryType : std::uint32_t {
  kAvailable = 1,
  kReserved = 2,
  kAcpiReclaimable = 3,
  kAcpiNvs = 4,
  kBadMemory = 5,
};

// The framebuffer_type field of the framebuffer tag.
enum class FramebufferType : std::uint8_t {
  kIndexed = 0,
  kRgb = 1,
  kEgaText = 2,
};

// Returns the name of `type` ("memory map"), or "unknown" for a value the specification
// does not define. The string is static.
const char* TagTypeName(TagType type);

// Returns the name of `type` ("available", "ACPI NVS"), or "unknown" for a value the
// specification does not define (print the number next to it). The string is static.
const char* MemoryTypeName(MemoryType type);

// Returns the name of `type` ("RGB"), or "unknown". The string is static.
const char* FramebufferTypeName(FramebufferType type);

// Returns whether `type` is one of the five memory types the specification defines.
constexpr bool IsKnownMemoryType(MemoryType type) {
  const auto value = static_cast<std::uint32_t>(type);
  return value >= 1 && value <= 5;
}

// Returns whether memory of `type` is free for the kernel to use: only kAvailable is.
constexpr bool IsUsable(MemoryType type) { return type == MemoryType::kAvailable; }

}  // namespace libk::multiboot2

// Each prints its name ("memory map", "ACPI NVS", "RGB"), or "unknown (N)" with the number
// for a value the specification does not define. Specs are a string's: "{:<16}" pads.
template <>
struct libk::Formatter<libk::multiboot2::TagType> {
  static constexpr bool ValidateSpec(const FormatSpec& spec) {
    return internal::IsTextSpec(spec, 's');
  }
  static void Format(multiboot2::TagType type, const FormatSpec& spec, Sink& sink);
};
template <>
struct libk::Formatter<libk::multiboot2::MemoryType> {
  static constexpr bool ValidateSpec(const FormatSpec& spec) {
    return internal::IsTextSpec(spec, 's');
  }
  static void Format(multiboot2::MemoryType type, const FormatSpec& spec, Sink& sink);
};
template <>
struct libk::Formatter<libk::multiboot2::FramebufferType> {
  static constexpr bool ValidateSpec(const FormatSpec& spec) {
    return internal::IsTextSpec(spec, 's');
  }
  static void Format(multiboot2::FramebufferType type, const FormatSpec& spec, Sink& sink);
};
