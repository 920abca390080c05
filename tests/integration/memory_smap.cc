// memory_smap: with SMEP and SMAP on (-cpu max), the kernel can neither read nor run a
// user page. One user page is mapped in the lower half for the two tests.
#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/mmio.h"

#include "kernel/console/print.h"
#include "kernel/mm/address_space.h"
#include "kernel/testing/ktest.h"

namespace {

namespace raw = libk::x86_64::raw;
namespace paging = libk::x86_64::paging;
using paging::PageTableFlag;

constexpr std::uint64_t kUserPage = 0x4000'0000;

// Maps kUserPage (once) to a fresh frame holding a `ret`, user-accessible and executable.
void MapUserPage() {
  static bool mapped = false;
  if (mapped) return;
  mapped = true;
  kernel::mm::WithKernelSpace([](kernel::mm::KernelMapper& mapper, auto& frames) {
    const auto frame = frames.AllocateFrame().value();
    // SAFETY: the frame is fresh and reached through the direct map, which maps it
    // read-write; SMAP does not apply to a supervisor page.
    raw::VolatileStore<std::uint8_t>(kernel::mm::PhysToVirt(frame.StartAddress()).value(), 0xc3);
    const auto page = paging::Page<paging::Size4KiB>::Containing(paging::VirtAddr::New(kUserPage));
    // SAFETY: nothing is mapped in the lower half; the page maps the fresh frame only.
    mapper.MapTo(page, frame, PageTableFlag::kUser, frames).UnwrapOrPanic().Flush();
  });
}

KTEST_SHOULD_PANIC(memory_smap, kernel_read_of_a_user_page) {
  MapUserPage();
  kernel::kprintln("memory_smap: reading the user page at {:#x}", kUserPage);
  // SAFETY: deliberately invalid: SMAP forbids the kernel to read a user page, so the
  // read faults.
  const auto value = raw::VolatileLoad<std::uint8_t>(kUserPage);
  kernel::kprintln("memory_smap: read {}", value);
}

KTEST_SHOULD_PANIC(memory_smap, kernel_execution_of_a_user_page) {
  MapUserPage();
  kernel::kprintln("memory_smap: calling the user page at {:#x}", kUserPage);
  // SAFETY: deliberately invalid: SMEP forbids the kernel to run a user page, so the fetch
  // faults.
  raw::CallAt(kUserPage);
}

}  // namespace
