// exception_backtrace: a page fault in a leaf function three calls deep. The panic shows
// the interrupted context (vector, error code, registers, CR2) and a backtrace that crosses
// from the handler's frames into the faulting code: the leaf itself (its rip), then its
// callers, which only the leaf's own frame record connects (-mno-omit-leaf-frame-pointer).
#include <cstdint>

#include "libk/arch/x86_64/raw/mmio.h"

#include "kernel/console/print.h"
#include "kernel/testing/ktest.h"

namespace exception_backtrace {
namespace {

namespace raw = libk::x86_64::raw;

constexpr std::uint64_t kUnmapped = 0xdeadbeef000;

// A leaf: it calls nothing.
[[gnu::noinline]] std::uint64_t LeafRead(std::uint64_t address) {
  // SAFETY: deliberately invalid: the page is unmapped, so the read faults and the
  // kernel's handler panics; the test runner resumes after the panic.
  return raw::VolatileLoad<std::uint64_t>(address);
}

[[gnu::noinline]] std::uint64_t Middle(std::uint64_t address) { return LeafRead(address + 0x10); }

[[gnu::noinline]] std::uint64_t Outer() { return Middle(kUnmapped); }

}  // namespace
}  // namespace exception_backtrace

KTEST_SHOULD_PANIC(exception_backtrace, page_fault_in_a_leaf) {
  kernel::kprintln("exception_backtrace: read {:#x}", exception_backtrace::Outer());
}
