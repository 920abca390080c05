// async_lock_across_await: the guard rail in the kernel. A task on the kernel executor
// reaches a co_await while it holds a libk::IrqMutex guard; the promise's await_transform
// panics there, naming the co_await and the line where the lock was taken, and the run
// ends with the panic's failure status.
#include "libk/async/task.h"
#include "libk/async/yield.h"
#include "libk/panic/panic.h"
#include "libk/sync/mutex.h"

#include "kernel/async/runtime.h"
#include "kernel/console/print.h"
#include "kernel/main.h"
#include "kernel/panic/panic.h"
#include "tests/integration/async_boot.h"

namespace kernel {
namespace {

constinit libk::IrqMutex<int> counter(0);

libk::async::Task<void> YieldHoldingTheLock() {
  auto guard = counter.Lock();  // Taken here: the panic names this line.
  ++*guard;
  kprintln("async_lock_across_await: holding the lock, about to co_await");
  co_await libk::async::Yield();  // The guard is still alive: this must panic.
  kprintln("async_lock_across_await: the co_await went through with the lock held");
}

}  // namespace

void Main(const libk::multiboot2::Info& boot_info) {
  static_cast<void>(async_boot::Boot(boot_info));
  panic::SetExitOnPanic(true);
  async::KernelExecutor runtime;
  LIBK_ASSERT(runtime.executor().Spawn(YieldHoldingTheLock()).is_ok(), "spawn failed");
  bool never = false;
  runtime.RunUntil([&never] { return never; });
  async_boot::Finish(true);
}

}  // namespace kernel
