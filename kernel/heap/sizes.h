// The kernel heap's sizes and its one-line summary: pure, so the host tests them. The
// limit comes from two build settings (//kernel/heap:max_mib and :ram_percent, see BUILD):
// the heap may grow to the smaller of max_mib and ram_percent of usable RAM.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/alloc/heap_stats.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/fmt/string_view.h"

namespace kernel::heap {

// The heap's region when it starts: 64 KiB, mapped at Init.
inline constexpr std::size_t kInitialBytes = std::size_t{64} << 10;
// The build settings' values (bazel build --//kernel/heap:max_mib=N ...).
extern const std::size_t kMaxBytesSetting;
extern const unsigned kRamPercentSetting;

// How large the heap starts and how large it may grow.
struct Sizes {
  std::size_t initial = 0;
  std::size_t limit = 0;
};

// Returns the sizes for a machine with `usable_ram` bytes of usable RAM: the limit is the
// smaller of `max_bytes` and `ram_percent` % of usable RAM, in whole pages, but never less
// than the initial size.
Sizes SizesFor(std::uint64_t usable_ram, std::size_t max_bytes = kMaxBytesSetting,
               unsigned ram_percent = kRamPercentSetting);

// What the heap line says: "heap: fixed-size block, 64 KiB mapped of 16 MiB max, 0 B in
// use, peak 0 B".
struct Summary {
  libk::StringView design;
  libk::alloc::HeapStats stats;
  std::size_t limit = 0;
};

}  // namespace kernel::heap

template <>
struct libk::Formatter<kernel::heap::Summary> {
  static void Format(const kernel::heap::Summary& summary, const FormatSpec& spec, Sink& sink);
};
