// async_shell_serial: the interactive kernel's shell over COM1. The runner writes lines
// to COM1 after "async_shell: ready"; the receive interrupt queues the bytes, the serial
// shell task echoes them back and answers: help, an unknown command, a known one.
#include "kernel/async/interactive.h"
#include "kernel/async/runtime.h"
#include "kernel/console/print.h"
#include "kernel/main.h"
#include "tests/integration/async_boot.h"

namespace kernel {

void Main(const libk::multiboot2::Info& boot_info) {
  const libk::multiboot2::Info& info = async_boot::Boot(boot_info);
  async::KernelExecutor runtime;
  async::KernelShellContext context(&info, &runtime);
  kprintln("async_shell: ready");
  async::RunInteractive(runtime, context);
}

}  // namespace kernel
