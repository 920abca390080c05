#include "tests/integration/async_boot.h"

#include "libk/sync/interrupts.h"

#include "kernel/console/console.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/qemu/exit.h"
#include "kernel/testing/static_heap/static_heap.h"
#include "kernel/time/timer.h"

namespace async_boot {

void Boot() {
  kernel::console::Init();
  kernel::interrupts::Init();
  kernel::testing::InitStaticHeap();
  static_cast<void>(kernel::time::StartTimer(kTimerHz));
  // SAFETY: interrupts::Init loaded the IDT; every lock a handler takes is an IrqMutex.
  libk::interrupts::Enable();
}

void Finish(bool ok) {
  kernel::qemu::Exit(ok ? kernel::qemu::ExitCode::kSuccess : kernel::qemu::ExitCode::kFailure);
}

}  // namespace async_boot
