// The kernel stacks of this image: the .stacks section as boot/linker.ld placed it.
#pragma once

#include "kernel/interrupts/stack_layout.h"

namespace kernel::interrupts {

// Returns the layout of the .stacks section.
StackLayout KernelStacks();

}  // namespace kernel::interrupts
