// The interactive kernel: after init, the executor runs the shell on the keyboard (output
// on screen and COM1) and on COM1 (output on COM1), and a task that keeps an uptime status
// line on the bottom screen row. The shell's figures come from a ShellContext;
// KernelShellContext is the one the kernel uses until its memory subsystems provide more.
#pragma once

#include "libk/multiboot2/info.h"

#include "kernel/async/runtime.h"
#include "kernel/async/shell/commands.h"

namespace kernel::async {

// Reports uptime and ticks from kernel/time, memory from the multiboot2 memory map, the
// heap from libk::alloc::global_heap::Stats(), tasks from `runtime`'s executor, and the
// stats from kernel/interrupts' counters, the input streams, RunInteractive's line
// editors and the executor's wake queue.
class KernelShellContext final : public shell::ShellContext {
 public:
  // `info` and `runtime` must outlive the context.
  KernelShellContext(const libk::multiboot2::Info* info, KernelExecutor* runtime)
      : info_(info), runtime_(runtime) {}

  void Uptime(libk::Sink& out) override;
  void Memory(libk::Sink& out) override;
  void Heap(libk::Sink& out) override;
  void Tasks(libk::Sink& out) override;
  void Ticks(libk::Sink& out) override;
  void Stats(libk::Sink& out) override;

 private:
  const libk::multiboot2::Info* info_;
  KernelExecutor* runtime_;
};

// Starts the keyboard and serial streams, spawns the two shells and the status line on
// `runtime`, and runs it for good. Requires interrupts::Init, time::StartTimer and a
// global heap (frames come from it); interrupts may still be disabled. Panics if the
// tasks cannot be spawned; a missing keyboard only leaves out the keyboard shell.
[[noreturn]] void RunInteractive(KernelExecutor& runtime, shell::ShellContext& context);

}  // namespace kernel::async
