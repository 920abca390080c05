// memory_vga: a mapping made through the kernel's address space works. A fresh page in the
// windows range is mapped to the VGA text buffer's frame and "New!" is written through it;
// the runner reads it on row 20 of the screen. Then the kernel idles.
#include <cstdint>

#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/raw/mmio.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/main.h"
#include "kernel/mm/address_space.h"
#include "kernel/mm/layout.h"
#include "kernel/mm/print.h"

namespace kernel {

void Main(const libk::multiboot2::Info& boot_info) {
  namespace paging = libk::x86_64::paging;
  namespace raw = libk::x86_64::raw;
  console::Init();
  static_cast<void>(mm::Init(boot_info));
  mm::PrintMemoryLine();
  const auto page =
      paging::Page<paging::Size4KiB>::Containing(paging::VirtAddr::New(mm::layout::kWindowsBase));
  mm::WithKernelSpace([page](mm::KernelMapper& mapper, auto& frames) {
    const auto vga =
        paging::PhysFrame<paging::Size4KiB>::Containing(paging::PhysAddr::New(0xb8000));
    // SAFETY: nothing else is mapped in the windows range; the page shows the VGA text
    // buffer, which the console also writes, but only on rows it has reached (0 and 1).
    mapper
        .MapTo(page, vga, paging::PageTableFlag::kWritable | paging::PageTableFlag::kNoExecute,
               frames)
        .UnwrapOrPanic()
        .Flush();
  });
  constexpr std::uint64_t kRow20 = std::uint64_t{20} * 80 * 2;
  const char text[] = "New!";
  for (std::uint64_t i = 0; i < 4; ++i) {
    // SAFETY: the page maps the VGA text buffer read-write (above); cell i of row 20 is
    // inside it, and the console has not reached that row.
    raw::VolatileStore<std::uint16_t>(page.StartAddress().value() + kRow20 + (2 * i),
                                      static_cast<std::uint16_t>(0x0f00 | text[i]));
  }
  kprintln("memory_vga: wrote New! through {}", page);
  libk::x86_64::HaltForever();
}

}  // namespace kernel
