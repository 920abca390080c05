#include "tests/integration/async_boot.h"

#include "libk/sync/interrupts.h"

#include "kernel/console/console.h"
#include "kernel/heap/heap.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/mm/address_space.h"
#include "kernel/qemu/exit.h"
#include "kernel/time/timer.h"

namespace async_boot {

const libk::multiboot2::Info& Boot(const libk::multiboot2::Info& boot_info) {
  kernel::console::Init();
  const libk::multiboot2::Info& info = kernel::mm::Init(boot_info);
  // SAFETY: the heap's range is reserved for it in the kernel's own, active address space.
  kernel::heap::Init(kernel::mm::KernelPaging{}, kernel::mm::HeapReservedRange(),
                     kernel::mm::Stats().usable_bytes);
  kernel::interrupts::Init();
  static_cast<void>(kernel::time::StartTimer(kTimerHz));
  // SAFETY: interrupts::Init loaded the IDT; every lock a handler takes is an IrqMutex.
  libk::interrupts::Enable();
  return info;
}

void Finish(bool ok) {
  kernel::qemu::Exit(ok ? kernel::qemu::ExitCode::kSuccess : kernel::qemu::ExitCode::kFailure);
}

}  // namespace async_boot
