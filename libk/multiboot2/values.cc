#include "libk/multiboot2/values.h"

#include <cstdint>
#include <limits>

#include "libk/fmt/format.h"

void libk::Formatter<libk::multiboot2::MemoryRegion>::Format(const multiboot2::MemoryRegion& region,
                                                             const FormatSpec& /*spec*/,
                                                             Sink& sink) {
  const std::uint64_t room = std::numeric_limits<std::uint64_t>::max() - region.base;
  if (region.length <= room) {
    libk::Format(sink, "[{:#x}, {:#x}) {}", region.base, region.base + region.length, region.type);
  } else {
    // Only a region made by hand gets here: the parser rejects one that wraps.
    libk::Format(sink, "[{:#x}, 2^64 + {:#x}) {}", region.base, region.length - room - 1,
                 region.type);
  }
}
