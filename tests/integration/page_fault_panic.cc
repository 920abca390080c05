// page_fault_panic: the kernel's own page-fault handler panics with the faulting address
// from CR2 and the decoded error code: a read of an unmapped page, and a write to the
// kernel's read-only data (the boot page tables map .rodata without write permission).
#include <cstdint>

#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/mmio.h"

#include "kernel/console/print.h"
#include "kernel/testing/ktest.h"

namespace {

namespace raw = libk::x86_64::raw;

constexpr std::uint64_t kUnmapped = 0xdeadbeef000;
const std::uint64_t kReadOnly = 7;

KTEST_SHOULD_PANIC(page_fault_panic, read_of_an_unmapped_page) {
  // SAFETY: deliberately invalid: the page is unmapped, so the read faults and the
  // kernel's handler panics; the test runner resumes after the panic.
  const auto value = raw::VolatileLoad<std::uint64_t>(kUnmapped);
  kernel::kprintln("page_fault_panic: read {}", value);
}

KTEST_SHOULD_PANIC(page_fault_panic, write_to_read_only_data) {
  kernel::kprintln("page_fault_panic: writing to {:#x}", raw::AddressOf(&kReadOnly));
  // SAFETY: deliberately invalid: .rodata is mapped read-only and CR0.WP is set, so the
  // write faults before it changes anything; the test runner resumes after the panic.
  raw::VolatileStore<std::uint64_t>(raw::AddressOf(&kReadOnly), 8);
}

}  // namespace
