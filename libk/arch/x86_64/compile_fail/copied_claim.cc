// Must not compile: copying a claimed port range, which would give the device two owners.
#include "libk/arch/x86_64/port.h"
#include "libk/arch/x86_64/raw/claim.h"

void ShareTheController() {
  // SAFETY: not run; the snippet only has to fail to compile.
  const libk::x86_64::PortRange mine = libk::x86_64::raw::ClaimPorts(0x60, 1);
  const libk::x86_64::PortRange yours = mine;
  static_cast<void>(yours);
}
