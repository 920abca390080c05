#include "kernel/time/system_pit.h"

#include "libk/arch/x86_64/raw/claim.h"

namespace kernel::time::internal {
namespace {

namespace raw = libk::x86_64::raw;

// SAFETY: the PIT's ports (0x40-0x43) and system control port B (0x61) are claimed here
// and nowhere else: this object is their only driver, and every use locks it.
constinit libk::IrqMutex<Pit> system_pit(raw::ClaimPorts(Pit::kPorts, Pit::kPortCount),
                                         raw::ClaimPorts(Pit::kPortB, 1));

}  // namespace

libk::IrqMutex<Pit>& SystemPit() { return system_pit; }

}  // namespace kernel::time::internal
