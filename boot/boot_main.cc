// The C++ side of the boot path: turns the physical address of the multiboot2
// information into a reference and calls kernel::Main. Called from entry64.S.
#include <cstdint>

#include "libk/arch/x86_64/raw/io.h"
#include "libk/multiboot2/info.h"

#include "boot/boot_constants.h"
#include "kernel/main.h"

extern "C" [[noreturn]] void KeelBootMain(std::uint64_t info_phys) {
  // SAFETY: entry32.S checked that the loader is multiboot2 and that the information
  // lies in the first GiB, which the boot page tables map at kKernelVma; GRUB keeps it
  // intact until the kernel reuses that memory, which it does not do during boot.
  const auto* info_bytes = reinterpret_cast<const std::byte*>(boot::kKernelVma + info_phys);
  kernel::Main(libk::multiboot2::Info::FromBootloader(info_bytes));
  for (;;) {
    libk::x86_64::raw::Cli();
    libk::x86_64::raw::Hlt();
  }
}
