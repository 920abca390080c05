// memory_ram: the direct map ends exactly where RAM does (the last byte is there, the next
// page faults), the boot tables' frames are free again, and the kernel image's alias in
// the direct map is not executable. Linked into every memory test kernel (one per RAM
// size and CPU).
#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/mmio.h"
#include "libk/panic/panic.h"

#include "boot/boot_constants.h"
#include "kernel/console/print.h"
#include "kernel/mm/address_space.h"
#include "kernel/mm/layout.h"
#include "kernel/testing/ktest.h"

// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" const std::byte __boot_tables_start[];
extern "C" const std::byte __boot_tables_end[];
extern "C" const std::byte __text_start[];
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)

namespace {

namespace raw = libk::x86_64::raw;
namespace paging = libk::x86_64::paging;
using paging::PhysAddr;

KTEST(memory_ram, last_byte_of_ram_is_reachable) {
  const std::uint64_t end = kernel::mm::Stats().direct_map_bytes;
  const paging::VirtAddr last = kernel::mm::PhysToVirt(PhysAddr::New(end - 1));
  // SAFETY: the direct map maps the last byte of RAM read-write; it is written back
  // unchanged, and nothing else runs meanwhile (one CPU, no interrupt handler touches it).
  const auto value = raw::VolatileLoad<std::uint8_t>(last.value());
  // SAFETY: as above.
  raw::VolatileStore<std::uint8_t>(last.value(), value);
  kernel::kprintln("memory_ram: read and wrote the last byte of RAM at {}", last);
}

KTEST_SHOULD_PANIC(memory_ram, first_page_past_ram_faults) {
  const std::uint64_t past =
      kernel::mm::layout::kDirectMapBase + kernel::mm::Stats().direct_map_bytes;
  kernel::kprintln("memory_ram: reading {:#x}, right past RAM", past);
  // SAFETY: deliberately invalid: nothing is mapped past the end of RAM, so the read
  // faults and the kernel's handler panics; the runner resumes after the panic.
  const auto value = raw::VolatileLoad<std::uint8_t>(past);
  kernel::kprintln("memory_ram: read {}", value);
}

KTEST(memory_ram, boot_tables_are_free) {
  const std::uint64_t start = raw::AddressOf(__boot_tables_start) - boot::kKernelVma;
  const std::uint64_t end = raw::AddressOf(__boot_tables_end) - boot::kKernelVma;
  LIBK_ASSERT(kernel::mm::Stats().boot_table_frames == (end - start) / boot::kPageBytes,
              "{} boot table frames released, the section has {}",
              kernel::mm::Stats().boot_table_frames, (end - start) / boot::kPageBytes);
  kernel::mm::WithKernelSpace([start, end](kernel::mm::KernelMapper& mapper, auto& frames) {
    for (std::uint64_t phys = start; phys < end; phys += boot::kPageBytes) {
      const auto frame = paging::PhysFrame<paging::Size4KiB>::Containing(PhysAddr::New(phys));
      LIBK_ASSERT(frames.IsManaged(frame) && !frames.IsUsed(frame), "{} is not free", frame);
      // Not mapped in the image any more, so a freed frame has no alias at -2 GiB.
      LIBK_ASSERT(mapper.Translate(paging::VirtAddr::New(boot::kKernelVma + phys)).is_error(),
                  "{} is still mapped at -2 GiB", frame);
    }
  });
}

KTEST(memory_ram, image_alias_in_the_direct_map_is_not_executable) {
  const PhysAddr text = PhysAddr::New(raw::AddressOf(__text_start) - boot::kKernelVma);
  kernel::mm::WithKernelSpace([text](kernel::mm::KernelMapper& mapper, auto& /*frames*/) {
    const auto alias = mapper.Translate(kernel::mm::PhysToVirt(text)).UnwrapOrPanic();
    LIBK_ASSERT(alias.flags.Contains(paging::PageTableFlag::kNoExecute), "{}", alias.flags);
    const auto image =
        mapper.Translate(paging::VirtAddr::New(raw::AddressOf(__text_start))).UnwrapOrPanic();
    LIBK_ASSERT(!image.flags.Intersects(paging::PageTableFlag::kWritable |
                                        paging::PageTableFlag::kNoExecute),
                "{}", image.flags);
  });
}

}  // namespace
