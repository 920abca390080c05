// emergency_stacks: the NMI and machine-check gates switch to their own stacks (IST).
// An NMI (here raised with `int $2`) is counted on the NMI stack and execution goes on; a
// machine check (`int $18`) panics from the machine-check stack.
#include "libk/arch/x86_64/raw/traps.h"
#include "libk/panic/panic.h"

#include "kernel/console/print.h"
#include "kernel/interrupts/exceptions.h"
#include "kernel/testing/ktest.h"

namespace {

namespace raw = libk::x86_64::raw;

KTEST(emergency_stacks, nmi_runs_on_its_own_stack) {
  // SAFETY: the kernel's NMI handler takes no error code and returns.
  raw::SoftwareInterrupt<2>();
  const kernel::interrupts::NmiReport nmis = kernel::interrupts::Nmis();
  LIBK_ASSERT(nmis.count == 1, "{} NMIs counted", nmis.count);
  LIBK_ASSERT(nmis.last_on_nmi_stack, "the NMI handler did not run on the NMI stack");
  kernel::kprintln("emergency_stacks: NMI handled on the NMI stack");
}

KTEST_SHOULD_PANIC(emergency_stacks, machine_check_runs_on_its_own_stack) {
  // SAFETY: the kernel's #MC handler takes no error code and panics; the test runner
  // resumes after the panic.
  raw::SoftwareInterrupt<18>();
}

}  // namespace
