#include "kernel/interrupts/kernel_stacks.h"

#include <cstddef>

#include "libk/arch/x86_64/raw/address.h"

// The start of the .stacks section, from boot/linker.ld.
extern "C" const std::byte __stacks_start[];  // NOLINT(bugprone-reserved-identifier)

namespace kernel::interrupts {

StackLayout KernelStacks() { return StackLayout(libk::x86_64::raw::AddressOf(__stacks_start)); }

}  // namespace kernel::interrupts
