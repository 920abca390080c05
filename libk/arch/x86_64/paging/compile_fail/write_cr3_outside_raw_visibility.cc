// Switching address spaces from a package that is not on the visibility list of
// //libk/arch/x86_64/raw:address_space. This package may depend on every safe paging and
// register target, and none of them re-exports that header, so it is not there to include.
#include "libk/arch/x86_64/control_registers.h"
#include "libk/arch/x86_64/raw/address_space.h"

void SwitchToSameRoot() {
  const auto cr3 = libk::x86_64::ReadCr3();
  // SAFETY: the same root as now (but this file must not be able to say so).
  libk::x86_64::raw::WriteCr3(cr3.root, cr3.flags);
}
