// The kernel's whole run after the boot path, shared by kernel::Main and by test kernels
// that must run exactly the same kernel (the crash-survival suite): bring-up, then the
// interactive kernel, with an optional hook that adds tasks before the run loop starts.
#pragma once

#include "libk/multiboot2/info.h"

#include "kernel/async/runtime.h"

namespace kernel {

// Adds tasks to the kernel's executor before it runs. `info` is the boot information as
// seen through the direct map. Interrupts are still disabled (the run loop's idle step
// enables them); the timer is programmed, the keyboard and COM1 streams not yet started.
using BeforeRunHook = void (*)(async::KernelExecutor& runtime, const libk::multiboot2::Info& info);

// Greets, switches to the kernel's own page tables, sets up the heap, exceptions and
// interrupts and the timer at 100 Hz, then calls `before_run` (if not null) and runs the
// interactive kernel (async::RunInteractive) for good.
[[noreturn]] void Start(const libk::multiboot2::Info& boot_info,
                        BeforeRunHook before_run = nullptr);

}  // namespace kernel
