// HaltUntilWoken: the idle step of an executor whose wakes come from interrupts. It halts
// until an interrupt wakes a task or, through a tick hook, finds a timer due; an interrupt
// that wakes nothing leaves the CPU halted, so the run loop runs only when it has
// something to do. Written once over a small CPU interface, so that the kernel (the
// interrupt flag and `sti; hlt`) and host tests (a simulated CPU whose interrupts are
// ticks, testing/ticking_clock.h) run the same loop.
#pragma once

#include <concepts>

#include "libk/async/executor.h"

namespace libk::async {

// What HaltUntilWoken needs of the CPU it idles.
template <typename C>
concept IdleCpu = requires(C& cpu) {
  cpu.DisableInterrupts();
  cpu.EnableInterrupts();
  // Enables interrupts and halts until one arrives and its handler ran, in one step (an
  // interrupt pending when it is called ends it at once); returns with interrupts enabled.
  // Returns false instead if no interrupt can ever come (a host simulation ran out).
  { cpu.HaltUntilInterrupt() } -> std::same_as<bool>;
};

// Halts until the executor has something to do: a wake is pending or a timer is due.
// Returns true then, with interrupts enabled; false if the CPU says no interrupt can come.
// The check before each halt runs with interrupts disabled, so nothing can slip in between
// it and the halt: a wake pushed after it is pending when `sti; hlt` runs and ends the
// halt at once.
template <IdleCpu Cpu>
bool HaltUntilWoken(Executor& executor, Cpu& cpu) {
  cpu.DisableInterrupts();
  while (true) {
    if (executor.HasPendingWakes()) {
      cpu.EnableInterrupts();
      return true;
    }
    if (!cpu.HaltUntilInterrupt()) {
      cpu.EnableInterrupts();
      return false;
    }
    cpu.DisableInterrupts();
  }
}

}  // namespace libk::async
