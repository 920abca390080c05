// memory_faults: what the kernel's own page tables forbid, each a page fault that the
// kernel's handler turns into a panic (the runner resumes after each): null reads and
// writes, writes to .text, executing .data, the stack and the direct map, and touching the
// guard page under each kernel stack, which the handler names.
#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/mmio.h"

#include "boot/boot_constants.h"
#include "kernel/console/print.h"
#include "kernel/mm/address_space.h"
#include "kernel/testing/ktest.h"

// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" const std::byte __text_start[];
extern "C" const std::byte __stacks_start[];
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)

namespace {

namespace raw = libk::x86_64::raw;

// Address 0, read through a volatile so that the compiler (and the static analyzer) treat
// it as any address: the null dereference is the point of the tests.
volatile std::uint64_t null_address = 0;

// A `ret` in .data: writable, so never executable.
std::uint8_t data_code[16] = {0xc3};

void Call(std::uint64_t address) {
  kernel::kprintln("memory_faults: calling {:#x}", address);
  // SAFETY: deliberately invalid: the page is not executable, so the instruction fetch
  // faults before anything runs; the runner resumes after the panic.
  raw::CallAt(address);
}

void ReadGuardPage(boot::StackSlot slot) {
  const std::uint64_t guard =
      raw::AddressOf(__stacks_start) + (static_cast<std::uint64_t>(slot) * boot::kStackSlotBytes);
  kernel::kprintln("memory_faults: reading the guard page at {:#x}", guard);
  // SAFETY: deliberately invalid: guard pages are never mapped, so the read faults.
  const auto value = raw::VolatileLoad<std::uint64_t>(guard);
  kernel::kprintln("memory_faults: read {}", value);
}

KTEST_SHOULD_PANIC(memory_faults, null_read) {
  // SAFETY: deliberately invalid: nothing is mapped at 0, so the read faults.
  const auto value = raw::VolatileLoad<std::uint64_t>(null_address);
  kernel::kprintln("memory_faults: read {}", value);
}

KTEST_SHOULD_PANIC(memory_faults, null_write) {
  // SAFETY: deliberately invalid: nothing is mapped at 0, so the write faults.
  raw::VolatileStore<std::uint64_t>(null_address, 1);
}

KTEST_SHOULD_PANIC(memory_faults, write_to_text) {
  kernel::kprintln("memory_faults: writing to .text at {:#x}", raw::AddressOf(__text_start));
  // SAFETY: deliberately invalid: .text is mapped read-only and CR0.WP is set, so the
  // write faults before it changes any code.
  raw::VolatileStore<std::uint8_t>(raw::AddressOf(__text_start), 0xcc);
}

KTEST_SHOULD_PANIC(memory_faults, execute_in_data) { Call(raw::AddressOf(data_code)); }

KTEST_SHOULD_PANIC(memory_faults, execute_on_the_stack) {
  volatile std::uint8_t stack_code[16] = {0xc3};
  Call(raw::AddressOf(stack_code));
}

KTEST_SHOULD_PANIC(memory_faults, execute_in_the_direct_map) {
  const auto phys =
      libk::x86_64::paging::PhysAddr::New(raw::AddressOf(data_code) - boot::kKernelVma);
  Call(kernel::mm::PhysToVirt(phys).value());
}

KTEST_SHOULD_PANIC(memory_faults, boot_stack_guard_page) { ReadGuardPage(boot::StackSlot::kBoot); }

KTEST_SHOULD_PANIC(memory_faults, double_fault_stack_guard_page) {
  ReadGuardPage(boot::StackSlot::kDoubleFault);
}

KTEST_SHOULD_PANIC(memory_faults, nmi_stack_guard_page) {
  ReadGuardPage(boot::StackSlot::kNonMaskableInterrupt);
}

KTEST_SHOULD_PANIC(memory_faults, machine_check_stack_guard_page) {
  ReadGuardPage(boot::StackSlot::kMachineCheck);
}

}  // namespace
