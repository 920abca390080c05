// The PIT of this machine: one Pit object, claimed by the time package alone and locked by
// whoever programs it (the timer's channel 0, the TSC calibration's channel 2), so the
// command port they share (0x43) is never written by two pieces of code at once.
#pragma once

#include "libk/sync/mutex.h"

#include "kernel/time/pit.h"

namespace kernel::time::internal {

// Returns the PIT. Lock it for every access; the lock keeps interrupts disabled.
libk::IrqMutex<Pit>& SystemPit();

}  // namespace kernel::time::internal
