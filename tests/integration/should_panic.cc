// should_panic: a failed assertion reaches the panic handler, which reports the message
// and location; the test framework counts the expected panic as a pass.
#include "libk/panic/panic.h"

#include "kernel/testing/ktest.h"

namespace {
int Two() { return 2; }
}  // namespace

KTEST_SHOULD_PANIC(should_panic, failed_assertion_panics) {
  LIBK_ASSERT(Two() + Two() == 5, "arithmetic is broken");
}
