// The kernel's side of libk panics: what happens after the message is printed.
#pragma once

#include "libk/panic/panic.h"

namespace kernel::panic {

// Called after a panic has been reported and before the kernel stops; the in-kernel test
// runner installs one to recover from panicking tests. A hook that returns lets the panic
// continue to its normal end.
using Hook = void (*)(const libk::PanicInfo& info);

// Installs `hook` (nullptr removes it).
void SetHook(Hook hook);

// Chooses how a panic ends: false (the default) halts the CPU so the message stays on the
// screen; true exits QEMU with failure status, for test kernels.
void SetExitOnPanic(bool exit);

}  // namespace kernel::panic
