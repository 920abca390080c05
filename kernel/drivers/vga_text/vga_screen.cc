#include "kernel/drivers/vga_text/vga_screen.h"

#include "libk/arch/x86_64/raw/mmio.h"

#include "boot/boot_constants.h"

namespace kernel::drivers {
namespace {
constexpr std::uint64_t kVgaTextPhysical = 0xb8000;
}  // namespace

// The console is also the only user of the CRT controller (this constructor's contract,
// passed on to VgaCursor).
// SAFETY: the boot page tables map the first GiB at kKernelVma, so the 4000-byte buffer
// at 0xb8000 is mapped; the console is its only writer.
VgaCells::VgaCells()
    : buffer_(libk::x86_64::raw::MmioPointer<std::uint16_t>(boot::kKernelVma + kVgaTextPhysical)) {
  cursor_.Enable();
}

}  // namespace kernel::drivers
