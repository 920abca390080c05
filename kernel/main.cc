// keel's kernel: greets, sets up exceptions and interrupts, the heap and the timer, then
// runs the interactive kernel: a shell on the keyboard and on COM1 and a status line,
// as tasks on the async executor (kernel/async, docs/async.md).
#include "kernel/main.h"

#include "kernel/async/interactive.h"
#include "kernel/async/runtime.h"
#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/testing/static_heap/static_heap.h"
#include "kernel/time/timer.h"

namespace kernel {
namespace {
constexpr std::uint32_t kTimerHz = 100;
}  // namespace

void Main(const libk::multiboot2::Info& info) {
  console::Init();
  kprintln("Hello World!");
  interrupts::Init();
  // FIXME: the kernel's heap from page frames (kernel/heap) replaces this static one.
  testing::InitStaticHeap();
  static_cast<void>(time::StartTimer(kTimerHz));
  kprintln("keel: interrupts on, timer at {} Hz", kTimerHz);
  async::KernelExecutor runtime;  // Lives for good: RunInteractive never returns.
  async::KernelShellContext context(&info, &runtime);
  async::RunInteractive(runtime, context);
}

}  // namespace kernel
