// crash_survival: the main kernel (kernel::Start, the same path as kernel::Main) under a
// storm of input. The runner floods the keyboard, writes garbage to COM1 and injects NMIs
// through QMP, all at once while the timer runs; this kernel adds one task that raises
// spurious IRQ 7 and IRQ 15 (`int $39` / `int $47`) during the storm, since nothing
// outside the guest can make QEMU's PIC produce one (docs/hardening.md). The runner then
// checks that the shells still answer and that `mem`, `heap` and `stats` tell the same
// story as before, plus what was dropped.
#include <cstdint>

#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/traps.h"
#include "libk/async/sleep.h"
#include "libk/async/task.h"
#include "libk/async/yield.h"
#include "libk/multiboot2/info.h"
#include "libk/panic/panic.h"

#include "kernel/async/runtime.h"
#include "kernel/console/print.h"
#include "kernel/interrupts/exceptions.h"
#include "kernel/main.h"
#include "kernel/start.h"

namespace kernel {
namespace {

namespace raw = libk::x86_64::raw;

// How many spurious IRQs of each line the task raises: the runner expects these counts.
constexpr int kSpuriousPerLine = 50;

// Raises the spurious IRQs once the storm has begun (the runner's first NMI), one of each
// line per round, with a yield between them and a sleep after, so they land between key
// and COM1 interrupts, NMIs and timer ticks. Then it stays (asleep) for good: its frame
// was on the heap before the storm and must be there after it, for `heap` to compare.
libk::async::Task<void> RaiseSpuriousIrqs() {
  while (interrupts::Nmis().count == 0) {
    co_await libk::async::Sleep(async::Milliseconds(10));
  }
  for (int round = 0; round < kSpuriousPerLine; ++round) {
    // SAFETY: vector 39 is IRQ 7's, whose dispatcher takes no error code and returns; with
    // IRQ 7 not in service at the PIC, it sees exactly what a spurious IRQ 7 looks like.
    raw::SoftwareInterrupt<39>();
    co_await libk::async::Yield();
    // SAFETY: vector 47 (IRQ 15) likewise; the end of interrupt it sends to the primary
    // PIC for the cascade finds nothing in service there (tasks run outside handlers).
    raw::SoftwareInterrupt<47>();
    co_await libk::async::Sleep(async::Milliseconds(20));
  }
  kprintln("crash_survival: raised {} spurious IRQ 7 and {} spurious IRQ 15", kSpuriousPerLine,
           kSpuriousPerLine);
  for (;;) {
    co_await libk::async::Sleep(async::Milliseconds(60'000));
  }
}

void BeforeRun(async::KernelExecutor& runtime, const libk::multiboot2::Info& /*info*/) {
  // The runner reads the count here to inject each NMI only after the last was counted.
  kprintln("crash_survival: NMI counter at {:#x}", raw::AddressOf(&interrupts::NmiCounter()));
  LIBK_ASSERT(runtime.executor().Spawn(RaiseSpuriousIrqs()).is_ok(),
              "cannot spawn the spurious IRQ task");
}

}  // namespace

void Main(const libk::multiboot2::Info& boot_info) { Start(boot_info, &BeforeRun); }

}  // namespace kernel
