// Panic backtraces on the real machine: kernel/debug's frame walker over the kernel's
// stacks, its memory and the symbol table that the build writes into every image.
#pragma once

#include <cstdint>

#include "libk/fmt/sink.h"

namespace kernel::panic {

// Writes to `sink` the backtrace of the frame chain that starts at `frame_pointer`, a frame
// record on one of the kernel's stacks (see kernel::debug::WriteBacktrace for the format).
void WriteBacktrace(libk::Sink& sink, std::uint64_t frame_pointer);

}  // namespace kernel::panic
