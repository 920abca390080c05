// The memory lines the kernel prints at boot (and the memory tests assert): usable RAM,
// free frames, page-table frames and the direct map's page size.
#pragma once

#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"

#include "kernel/mm/direct_map_plan.h"

namespace kernel::mm {

// Prints "memory: 127 MiB usable, 32512 frames free, page tables: 5 frames, direct map:
// 2 MiB pages".
void PrintMemoryLine();

// Prints "direct map: RAM up to 127 MiB in 2 MiB pages, 4 table frames, 180 KiB
// read-only" (the end of RAM, holes included, though a hole of a whole page is not
// mapped; the image's text and rodata, mapped read-only).
void PrintDirectMapLine();

}  // namespace kernel::mm

template <>
struct libk::Formatter<kernel::mm::DirectMapPageSize> {
  static void Format(kernel::mm::DirectMapPageSize size, const FormatSpec& spec, Sink& sink);
};
