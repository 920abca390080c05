#include "kernel/mm/print.h"

#include "libk/fmt/format.h"
#include "libk/fmt/string_view.h"

#include "kernel/console/print.h"
#include "kernel/mm/address_space.h"

namespace kernel::mm {

void PrintMemoryLine() {
  const MemoryStats stats = Stats();
  kprintln("memory: {} MiB usable, {} frames free, page tables: {} frames, direct map: {} pages",
           stats.usable_bytes >> 20, stats.free_frames, stats.page_table_frames,
           stats.direct_map_page);
}

void PrintDirectMapLine() {
  const MemoryStats stats = Stats();
  kprintln("direct map: RAM up to {} MiB in {} pages, {} table frames, {} KiB read-only",
           stats.direct_map_bytes >> 20, stats.direct_map_page, stats.direct_map_table_frames,
           stats.direct_map_read_only_bytes >> 10);
}

}  // namespace kernel::mm

void libk::Formatter<kernel::mm::DirectMapPageSize>::Format(kernel::mm::DirectMapPageSize size,
                                                            const FormatSpec& spec, Sink& sink) {
  StringView name = "4 KiB";
  if (size == kernel::mm::DirectMapPageSize::k2MiB) name = "2 MiB";
  if (size == kernel::mm::DirectMapPageSize::k1GiB) name = "1 GiB";
  libk::Formatter<StringView>::Format(name, spec, sink);
}
