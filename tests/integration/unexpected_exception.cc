// unexpected_exception: an exception the kernel has no specific handler for, here a debug
// trap (#DB) from single-stepping, panics with the exception's name, vector and address;
// so does an interrupt on a vector nothing uses.
#include "libk/arch/x86_64/raw/traps.h"

#include "kernel/testing/ktest.h"

namespace {

namespace raw = libk::x86_64::raw;

KTEST_SHOULD_PANIC(unexpected_exception, debug_trap) {
  // SAFETY: the kernel's #DB handler panics, so TF is never left set in running code; the
  // test runner resumes after the panic (the CPU cleared TF on entering the handler).
  raw::SingleStepOnce();
}

KTEST_SHOULD_PANIC(unexpected_exception, unused_vector) {
  // SAFETY: vector 128 has the kernel's panicking default handler, which takes no error
  // code; the test runner resumes after the panic.
  raw::SoftwareInterrupt<128>();
}

}  // namespace
