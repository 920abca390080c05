// basic_boot: the boot path hands over a working environment — printing works right
// after entry, .bss is zero, constructors ran, the kernel runs in the higher half and the
// boot stack sits in its reserved region.
#include <bit>
#include <cstdint>

#include "libk/arch/x86_64/registers.h"
#include "libk/panic/panic.h"

#include "boot/boot_constants.h"
#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/testing/ktest.h"

namespace {

int constructed_value = 0;

struct SetsValueOnConstruction {
  SetsValueOnConstruction() { constructed_value = 42; }
};
SetsValueOnConstruction sets_value;

std::uint64_t zero_initialised[64];

}  // namespace

KTEST(basic_boot, prints_after_entry) { kernel::console::Write("basic_boot: printing works\n"); }

KTEST(basic_boot, global_constructors_ran) {
  LIBK_ASSERT(constructed_value == 42, ".init_array constructors did not run");
}

KTEST(basic_boot, bss_is_zeroed) {
  for (const std::uint64_t word : zero_initialised) {
    LIBK_ASSERT(word == 0, ".bss was not zeroed");
  }
}

KTEST(basic_boot, runs_in_higher_half) {
  const int local = 0;
  // Reading an address as a number is safe (nothing is dereferenced): bit_cast says so
  // without the reinterpret_cast that the unsafe-boundary lint reserves for raw/.
  const auto code = std::bit_cast<std::uintptr_t>(&kernel::console::Init);
  const auto stack = std::bit_cast<std::uintptr_t>(&local);
  LIBK_ASSERT(code >= boot::kKernelVma, "kernel code is not in the higher half");
  LIBK_ASSERT(stack >= boot::kKernelVma, "the boot stack is not in the higher half");
}

KTEST(basic_boot, boot_set_the_cpu_modes) {
  using libk::x86_64::Cr0Flag;
  using libk::x86_64::Cr4Flag;
  using libk::x86_64::EferFlag;
  const auto cr0 = libk::x86_64::ReadCr0();
  const auto cr4 = libk::x86_64::ReadCr4();
  const auto efer = libk::x86_64::ReadEfer();
  kernel::kprintln("basic_boot: CR0 = {}", cr0);
  kernel::kprintln("basic_boot: CR4 = {}", cr4);
  kernel::kprintln("basic_boot: EFER = {}", efer);
  LIBK_ASSERT(cr0.Contains(Cr0Flag::kProtectedMode | Cr0Flag::kPaging | Cr0Flag::kWriteProtect),
              "CR0 = {}", cr0);
  LIBK_ASSERT(cr4.Contains(Cr4Flag::kPhysicalAddressExtension), "CR4 = {}", cr4);
  LIBK_ASSERT(efer.Contains(EferFlag::kLongModeEnable | EferFlag::kLongModeActive |
                            EferFlag::kNoExecuteEnable),
              "EFER = {}", efer);
}
