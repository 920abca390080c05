// wx_violation: a kernel that breaks W^X on purpose, for runner_meta_test. Through the
// boot page tables it makes the page of its own .text that holds Main writable (text is
// executable), says so on COM1 and idles, so the runner's W^X check must catch it.
#include <bit>
#include <cstdint>

#include "libk/arch/x86_64/control_registers.h"
#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/phys_window.h"

#include "boot/boot_constants.h"
#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/main.h"

namespace kernel {

void Main(const libk::multiboot2::Info& /*info*/) {
  using namespace libk::x86_64::paging;  // NOLINT(google-build-using-namespace)
  console::Init();
  // SAFETY: the boot tables map physical [0, 1 GiB) read-write at the kernel's base, and
  // nothing else edits them while this kernel runs.
  const libk::x86_64::PhysWindow window(VirtAddr::New(boot::kKernelVma), boot::kBootMapBytes);
  Mapper<libk::x86_64::PhysWindow> mapper(libk::x86_64::ReadCr3().root, window);
  // Reading a function's address as a number dereferences nothing (as in basic_boot).
  const auto page = Page<Size4KiB>::Containing(VirtAddr::New(std::bit_cast<std::uintptr_t>(&Main)));
  // SAFETY: this breaks W^X on purpose; the kernel only idles afterwards.
  mapper.UpdateFlags(page, PageTableFlag::kWritable).UnwrapOrPanic().Flush();
  kprintln("wx_violation: text page {} is writable and executable", page);
  libk::x86_64::HaltForever();
}

}  // namespace kernel
