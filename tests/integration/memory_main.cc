// kernel::Main for the memory test kernels: the console, panics that end the run, the
// kernel's GDT and IDT, then the kernel's own address space (kernel::mm::Init). It prints
// what the memory tests assert (the memory line, the direct map's size, pages and tables,
// where RAM ends, the page-table frames, the boot tables given back, CR4's paging bits),
// waits for the runner's W^X check, then runs every KTEST linked into the image.
#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/registers.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/main.h"
#include "kernel/mm/address_space.h"
#include "kernel/mm/print.h"
#include "kernel/panic/panic.h"
#include "kernel/testing/ktest.h"

namespace kernel {

void Main(const libk::multiboot2::Info& boot_info) {
  console::Init();
  panic::SetExitOnPanic(true);
  interrupts::Init();
  const libk::multiboot2::Info& info = mm::Init(boot_info);
  mm::PrintMemoryLine();
  mm::PrintDirectMapLine();
  const mm::MemoryStats stats = mm::Stats();
  kprintln("memory_test: RAM ends at {:#x}; boot information at {:#x} ({} bytes)",
           stats.direct_map_bytes, libk::x86_64::raw::AddressOf(info.data()), info.total_size());
  kprintln("memory_test: page tables: {} frames, {} of them the direct map's",
           stats.page_table_frames, stats.direct_map_table_frames);
  kprintln("memory_test: boot tables: {} frames back in the allocator, {} -> {} free",
           stats.boot_table_frames, stats.free_before_boot_release, stats.free_after_boot_release);
  const auto cr4 = libk::x86_64::ReadCr4();
  kprintln("memory_test: PGE {}, SMEP {}, SMAP {}",
           cr4.Contains(libk::x86_64::Cr4Flag::kPageGlobal) ? "on" : "off",
           cr4.Contains(libk::x86_64::Cr4Flag::kSupervisorModeExecutionPrevention) ? "on" : "off",
           cr4.Contains(libk::x86_64::Cr4Flag::kSupervisorModeAccessPrevention) ? "on" : "off");
  // The runner checks W^X from outside at this line and then writes a line to COM1
  // (tests/integration/BUILD, _MEMORY_READY): the tables must still be there when it looks.
  kprintln("memory_test: address space ready; waiting for the runner");
  for (char c = 0; !console::TryReadSerial(&c) || c != '\n';) {
    libk::x86_64::SpinLoopHint();
  }
  testing::RunAllTests();
}

}  // namespace kernel
