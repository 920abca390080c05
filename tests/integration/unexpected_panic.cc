// unexpected_panic: a panic inside an ordinary test is reported as a failure with the
// test's name, the runner goes on to the next test, and the run ends with failure.
#include "libk/panic/panic.h"

#include "kernel/console/console.h"
#include "kernel/testing/ktest.h"

KTEST(unexpected_panic, a_panicking_test) { libk::Panic("this test panics on purpose"); }

KTEST(unexpected_panic, b_runs_after_the_panic) {
  kernel::console::Write("unexpected_panic: the runner continued\n");
}

KTEST_SHOULD_PANIC(unexpected_panic, c_returns_instead_of_panicking) {}
