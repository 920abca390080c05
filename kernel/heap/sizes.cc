// The build settings' values and the heap line.
#include "kernel/heap/sizes.h"

#include <cstddef>
#include <cstdint>

#include "libk/alloc/heap_stats.h"
#include "libk/fmt/format.h"

namespace kernel::heap {

// The defines come from //kernel/heap:max_mib and :ram_percent (heap_setting.bzl).
const std::size_t kMaxBytesSetting = std::size_t{KEEL_HEAP_MAX_MIB} << 20;
const unsigned kRamPercentSetting = KEEL_HEAP_RAM_PERCENT;

Sizes SizesFor(std::uint64_t usable_ram, std::size_t max_bytes, unsigned ram_percent) {
  constexpr std::size_t kPage = 4096;
  // Split so that no amount of RAM overflows (ram_percent is at most a few hundred).
  const std::uint64_t share =
      (usable_ram / 100 * ram_percent) + (usable_ram % 100 * ram_percent / 100);
  std::size_t limit = share < max_bytes ? static_cast<std::size_t>(share) : max_bytes;
  limit -= limit % kPage;
  if (limit < kInitialBytes) limit = kInitialBytes;
  return {.initial = kInitialBytes, .limit = limit};
}

}  // namespace kernel::heap

void libk::Formatter<kernel::heap::Summary>::Format(const kernel::heap::Summary& summary,
                                                    const FormatSpec& /*spec*/, Sink& sink) {
  using libk::alloc::ByteSize;
  libk::Format(sink, "heap: {}, {} mapped of {} max, {} in use, peak {}", summary.design,
               ByteSize{summary.stats.region_bytes}, ByteSize{summary.limit},
               ByteSize{summary.stats.bytes_in_use}, ByteSize{summary.stats.peak_bytes_in_use});
}
