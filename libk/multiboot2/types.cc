#include "libk/multiboot2/types.h"

namespace libk::multiboot2 {

const char* TagTypeName(TagType type) {
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
  return "unknown";
}

const char* MemoryTypeName(MemoryType type) {
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
  return "unknown";
}

const char* FramebufferTypeName(FramebufferType type) {
  switch (type) {
    case FramebufferType::kIndexed:
      return "indexed";
    case FramebufferType::kRgb:
      return "RGB";
    case FramebufferType::kEgaText:
      return "EGA text";
  }
  return "unknown";
}

}  // namespace libk::multiboot2
