// stack_protector: the canary is set at boot (from RDRAND when the CPU has it, else from
// the time-stamp counter), and a function whose buffer is overrun panics when it returns,
// naming its address, instead of returning through a smashed frame.
#include "kernel/stack_protector/stack_protector.h"

#include <bit>
#include <cstddef>
#include <cstdint>

#include "libk/panic/panic.h"

#include "kernel/console/print.h"
#include "kernel/testing/ktest.h"

// The canary, defined by kernel/stack_protector.
// NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" std::uintptr_t __stack_chk_guard;

namespace {

namespace stack_protector = kernel::stack_protector;

// Bytes written from the start of a 16-byte buffer: through the canary, which the compiler
// keeps just above the arrays (here after 8 bytes of alignment padding), and short of the
// saved frame pointer and the return address.
volatile std::size_t overrun = 32;
volatile int sink = 0;

// Writes `count` copies of `value` from `destination`. Not inlined, so the size of the
// caller's buffer is unknown here and no bounds check (UBSan's) reports the overrun first.
[[gnu::noinline]] void Fill(volatile char* destination, std::size_t count, char value) {
  for (std::size_t i = 0; i < count; ++i) destination[i] = value;
}

[[gnu::noinline]] int SmashesItsBuffer() {
  char buffer[16] = {};
  Fill(buffer, overrun, 'A');
  return buffer[0];
}

KTEST(stack_protector, canary_is_set) {
  const bool rdrand =
      stack_protector::CurrentGuardSource() == stack_protector::GuardSource::kRdrand;
  kernel::kprintln("stack_protector: canary from {}", rdrand ? "RDRAND" : "the time-stamp counter");
  LIBK_ASSERT(__stack_chk_guard != 0, "the canary was never set");
  LIBK_ASSERT((__stack_chk_guard & 0xff) == 0, "the canary's lowest byte is not zero");
}

KTEST_SHOULD_PANIC(stack_protector, smashed_buffer_is_detected) {
  kernel::kprintln("stack_protector: smashing the buffer of the function at {:#x}",
                   std::bit_cast<std::uintptr_t>(&SmashesItsBuffer));
  sink = SmashesItsBuffer();
  kernel::kprintln("stack_protector: returned through a smashed frame");
}

}  // namespace
