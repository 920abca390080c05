#include "libk/multiboot2/types.h"

#include <cstdint>

#include "libk/fmt/format.h"
#include "libk/fmt/string_view.h"

namespace libk::multiboot2 {
namespace {

// Each returns the name of a value the specification defines, or null.
const char* FindTagTypeName(TagType type) {
  switch (type) {
    case TagType::kEnd:
      return "end";
    case TagType::kCommandLine:
      return "command line";
    case TagType::kBootloaderName:
      return "bootloader name";
    case TagType::kModule:
      return "module";
    case TagType::kBasicMemInfo:
      return "basic memory info";
    case TagType::kBootDevice:
      return "BIOS boot device";
    case TagType::kMemoryMap:
      return "memory map";
    case TagType::kVbeInfo:
      return "VBE info";
    case TagType::kFramebuffer:
      return "framebuffer info";
    case TagType::kElfSections:
      return "ELF sections";
    case TagType::kApmTable:
      return "APM table";
    case TagType::kEfi32SystemTable:
      return "EFI 32-bit system table";
    case TagType::kEfi64SystemTable:
      return "EFI 64-bit system table";
    case TagType::kSmbiosTables:
      return "SMBIOS tables";
    case TagType::kAcpiOldRsdp:
      return "ACPI old RSDP";
    case TagType::kAcpiNewRsdp:
      return "ACPI new RSDP";
    case TagType::kNetworkInfo:
      return "network info";
    case TagType::kEfiMemoryMap:
      return "EFI memory map";
    case TagType::kEfiBootServicesNotTerminated:
      return "EFI boot services not terminated";
    case TagType::kEfi32ImageHandle:
      return "EFI 32-bit image handle";
    case TagType::kEfi64ImageHandle:
      return "EFI 64-bit image handle";
    case TagType::kImageLoadBase:
      return "image load base address";
  }
  return nullptr;
}

const char* FindMemoryTypeName(MemoryType type) {
  switch (type) {
    case MemoryType::kAvailable:
      return "available";
    case MemoryType::kReserved:
      return "reserved";
    case MemoryType::kAcpiReclaimable:
      return "ACPI reclaimable";
    case MemoryType::kAcpiNvs:
      return "ACPI NVS";
    case MemoryType::kBadMemory:
      return "bad memory";
  }
  return nullptr;
}

const char* FindFramebufferTypeName(FramebufferType type) {
  switch (type) {
    case FramebufferType::kIndexed:
      return "indexed";
    case FramebufferType::kRgb:
      return "RGB";
    case FramebufferType::kEgaText:
      return "EGA text";
  }
  return nullptr;
}

// Writes `name` formatted as a string with `spec`; a null name as "unknown (value)".
void FormatName(const char* name, std::uint32_t value, const FormatSpec& spec, Sink& sink) {
  if (name != nullptr) {
    Formatter<StringView>::Format(name, spec, sink);
    return;
  }
  FixedBufferSink<sizeof("unknown (4294967295)")> text;
  libk::Format(text, "unknown ({})", value);
  Formatter<StringView>::Format(text.view(), spec, sink);
}

}  // namespace

const char* TagTypeName(TagType type) {
  const char* name = FindTagTypeName(type);
  return name != nullptr ? name : "unknown";
}

const char* MemoryTypeName(MemoryType type) {
  const char* name = FindMemoryTypeName(type);
  return name != nullptr ? name : "unknown";
}

const char* FramebufferTypeName(FramebufferType type) {
  const char* name = FindFramebufferTypeName(type);
  return name != nullptr ? name : "unknown";
}

}  // namespace libk::multiboot2

void libk::Formatter<libk::multiboot2::TagType>::Format(multiboot2::TagType type,
                                                        const FormatSpec& spec, Sink& sink) {
  multiboot2::FormatName(multiboot2::FindTagTypeName(type), static_cast<std::uint32_t>(type), spec,
                         sink);
}

void libk::Formatter<libk::multiboot2::MemoryType>::Format(multiboot2::MemoryType type,
                                                           const FormatSpec& spec, Sink& sink) {
  multiboot2::FormatName(multiboot2::FindMemoryTypeName(type), static_cast<std::uint32_t>(type),
                         spec, sink);
}

void libk::Formatter<libk::multiboot2::FramebufferType>::Format(multiboot2::FramebufferType type,
                                                                const FormatSpec& spec,
                                                                Sink& sink) {
  multiboot2::FormatName(multiboot2::FindFramebufferTypeName(type),
                         static_cast<std::uint32_t>(type), spec, sink);
}
