// stack_overflow: unbounded recursion runs off the bottom of the boot stack into its guard
// page. The page fault cannot push its frame on the overflowed stack, so the CPU raises a
// double fault, whose gate switches to the double-fault stack (IST): the handler reports
// the overflow instead of the machine triple-faulting.
#include <cstdint>

#include "kernel/console/print.h"
#include "kernel/testing/ktest.h"

namespace {

// Never reached; volatile, so the compiler cannot prove the recursion unbounded.
volatile std::uint64_t depth_limit = ~std::uint64_t{0};

// Recurses with a large frame; the addition after the call keeps it from being a tail
// call, and the volatile array keeps the frame from being optimised away.
std::uint64_t Recurse(std::uint64_t depth) {  // NOLINT(misc-no-recursion): the point
  volatile std::uint8_t frame[512];
  frame[0] = static_cast<std::uint8_t>(depth);
  if (depth == depth_limit) return depth;
  return Recurse(depth + 1) + frame[0];
}

KTEST_SHOULD_PANIC(stack_overflow, recursion_ends_in_a_double_fault) {
  kernel::kprintln("stack_overflow: recursing");
  kernel::kprintln("stack_overflow: returned {}", Recurse(0));
}

}  // namespace
