// The kernel's entry point, called once by the boot path with interrupts disabled.
#pragma once

#include "libk/multiboot2/info.h"

namespace kernel {

// Runs the kernel; `info` is the boot information from the multiboot2 loader. Each
// kernel image (the real kernel, every integration-test kernel) defines it once.
void Main(const libk::multiboot2::Info& info);

}  // namespace kernel
