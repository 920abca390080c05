#include "kernel/start.h"

#include <cstdint>

#include "kernel/async/interactive.h"
#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/heap/heap.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/mm/address_space.h"
#include "kernel/mm/print.h"
#include "kernel/time/timer.h"

namespace kernel {
namespace {
constexpr std::uint32_t kTimerHz = 100;
}  // namespace

void Start(const libk::multiboot2::Info& boot_info, BeforeRunHook before_run) {
  console::Init();
  kprintln("Hello World!");
  // The boot map goes away here: from now on the boot information is seen through the
  // direct map.
  const libk::multiboot2::Info& info = mm::Init(boot_info);
  mm::PrintMemoryLine();
  // SAFETY: the heap's range (kernel/mm/layout.h) is reserved for it in the kernel's own
  // address space, which is active; KernelPaging reaches that space under its lock.
  heap::Init(mm::KernelPaging{}, mm::HeapReservedRange(), mm::Stats().usable_bytes);
  heap::PrintSummary();
  interrupts::Init();
  static_cast<void>(time::StartTimer(kTimerHz));
  kprintln("keel: interrupts on, timer at {} Hz", kTimerHz);
  async::KernelExecutor runtime;  // Lives for good: RunInteractive never returns.
  async::KernelShellContext context(&info, &runtime);
  if (before_run != nullptr) before_run(runtime, info);
  async::RunInteractive(runtime, context);
}

}  // namespace kernel
