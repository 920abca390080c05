// general_protection: the kernel's #GP handler panics with the decoded selector error
// code: loading a selector past the end of the GDT names that selector, and an access to a
// non-canonical address has no selector (error code 0).
#include <cstdint>

#include "libk/arch/x86_64/raw/descriptor_tables.h"
#include "libk/arch/x86_64/raw/mmio.h"

#include "kernel/console/print.h"
#include "kernel/testing/ktest.h"

namespace {

namespace raw = libk::x86_64::raw;

// GDT index 100 (selector 0x320): the kernel's GDT has 5 entries.
constexpr std::uint16_t kBadSelector = 100 << 3;

KTEST_SHOULD_PANIC(general_protection, selector_past_the_gdt) {
  // SAFETY: deliberately invalid: the selector lies past the GDT's limit, so loading DS
  // faults (#GP) before any segment register changes; the runner resumes after the panic.
  raw::LoadDataSegments(kBadSelector);
}

KTEST_SHOULD_PANIC(general_protection, non_canonical_address) {
  // SAFETY: deliberately invalid: a non-canonical address faults (#GP) before any memory
  // is read; the test runner resumes after the panic.
  const auto value = raw::VolatileLoad<std::uint64_t>(0x8000000000000000);
  kernel::kprintln("general_protection: read {}", value);
}

}  // namespace
