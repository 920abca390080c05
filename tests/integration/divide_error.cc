// divide_error: a division by zero raises #DE, and the kernel's handler panics naming the
// exception and the address of the division.
#include "libk/arch/x86_64/raw/traps.h"

#include "kernel/testing/ktest.h"

namespace {

namespace raw = libk::x86_64::raw;

KTEST_SHOULD_PANIC(divide_error, division_by_zero_panics) {
  // SAFETY: the kernel's #DE handler panics (it does not return to the division), and the
  // test runner resumes after the panic.
  raw::DivideByZero();
}

}  // namespace
