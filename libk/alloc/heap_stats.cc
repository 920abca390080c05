// Formatting of heap sizes and states, with integer arithmetic only (the kernel has no
// floating point).
#include "libk/alloc/heap_stats.h"

#include <cstddef>

#include "libk/fmt/format.h"

namespace libk {

void Formatter<alloc::ByteSize>::Format(const alloc::ByteSize& value, const FormatSpec& /*spec*/,
                                        Sink& sink) {
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  const std::size_t bytes = value.bytes;
  if (bytes < 1024) {
    libk::Format(sink, "{} B", bytes);
    return;
  }
  std::size_t unit = 0;
  std::size_t scale = 1024;
  while (unit + 1 < sizeof(kUnits) / sizeof(kUnits[0]) && bytes / scale >= 1024) {
    scale *= 1024;
    ++unit;
  }
  const std::size_t whole = bytes / scale;
  // The remainder is below scale <= 2^60, so ten times it still fits in 64 bits.
  const std::size_t tenths = (bytes % scale) * 10 / scale;
  if (tenths == 0) {
    libk::Format(sink, "{} {}", whole, kUnits[unit]);
  } else {
    libk::Format(sink, "{}.{} {}", whole, tenths, kUnits[unit]);
  }
}

void Formatter<alloc::HeapStats>::Format(const alloc::HeapStats& stats, const FormatSpec& /*spec*/,
                                         Sink& sink) {
  libk::Format(sink,
               "heap {}, {} used, {} in {} allocations, peak {}, largest free {}, grew {} times",
               alloc::ByteSize{stats.region_bytes}, alloc::ByteSize{stats.used_bytes()},
               alloc::ByteSize{stats.bytes_in_use}, stats.live_allocations,
               alloc::ByteSize{stats.peak_bytes_in_use}, alloc::ByteSize{stats.largest_free_block},
               stats.grow_count);
}

void Formatter<alloc::OutOfMemory>::Format(const alloc::OutOfMemory& oom,
                                           const FormatSpec& /*spec*/, Sink& sink) {
  libk::Format(sink, "out of memory: {} bytes, align {} (heap {}, {} used)", oom.size, oom.align,
               alloc::ByteSize{oom.stats.region_bytes}, alloc::ByteSize{oom.stats.used_bytes()});
}

}  // namespace libk
