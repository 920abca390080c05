// wx_alias: a kernel that gives its own code a writable alias on purpose, for
// runner_meta_test. After switching to its own page tables it makes the direct map's page
// over the frame that holds Main writable again (still no-execute, so no page is both),
// says so on COM1 and idles: only the runner's alias check can catch it.
#include <bit>
#include <cstdint>

#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"

#include "boot/boot_constants.h"
#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/main.h"
#include "kernel/mm/address_space.h"

namespace kernel {

void Main(const libk::multiboot2::Info& boot_info) {
  using namespace libk::x86_64::paging;  // NOLINT(google-build-using-namespace)
  console::Init();
  static_cast<void>(mm::Init(boot_info));
  // Reading a function's address as a number dereferences nothing (as in wx_violation).
  const auto main = std::bit_cast<std::uintptr_t>(&Main);
  const auto page =
      Page<Size4KiB>::Containing(mm::PhysToVirt(PhysAddr::New(main - boot::kKernelVma)));
  mm::WithKernelSpace([page](mm::KernelMapper& mapper, auto& /*frames*/) {
    // SAFETY: this gives kernel code a writable alias on purpose; the kernel only idles
    // afterwards and never writes through it.
    mapper
        .UpdateFlags(page,
                     PageTableFlag::kWritable | PageTableFlag::kNoExecute | PageTableFlag::kGlobal)
        .UnwrapOrPanic()
        .Flush();
  });
  kprintln("wx_alias: the direct map's {} over Main's text is writable", page);
  libk::x86_64::HaltForever();
}

}  // namespace kernel
