// invalid_opcode: ud2 raises #UD, and the kernel's handler panics naming the exception and
// the address of the instruction.
#include "libk/arch/x86_64/raw/traps.h"

#include "kernel/testing/ktest.h"

namespace {

namespace raw = libk::x86_64::raw;

KTEST_SHOULD_PANIC(invalid_opcode, ud2_panics) {
  // SAFETY: the kernel's #UD handler panics (it does not return to the ud2), and the test
  // runner resumes after the panic.
  raw::Ud2();
}

}  // namespace
