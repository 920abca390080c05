#include "kernel/interrupts/kernel_stacks.h"

#include <cstddef>

#include "libk/arch/x86_64/raw/address.h"

// The start of the .stacks section; boot/linker.ld defines (and names) the symbol.
// NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" const std::byte __stacks_start[];

namespace kernel::interrupts {

StackLayout KernelStacks() { return StackLayout(libk::x86_64::raw::AddressOf(__stacks_start)); }

}  // namespace kernel::interrupts
