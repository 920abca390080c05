#include "kernel/mm/kernel_image.h"

#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/panic/panic.h"

#include "boot/boot_constants.h"

// The image's layout, defined (and named) by boot/linker.ld. __kernel_start_phys is a
// physical address; the others are higher-half (virtual) addresses.
// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" const std::byte __kernel_start_phys[];
extern "C" const std::byte __text_start[];
extern "C" const std::byte __text_end[];
extern "C" const std::byte __rodata_end[];
extern "C" const std::byte __boot_tables_start[];
extern "C" const std::byte __boot_tables_end[];
extern "C" const std::byte __stacks_start[];
extern "C" const std::byte __stacks_end[];
extern "C" const std::byte __kernel_end[];
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)

namespace kernel::mm {
namespace {

using libk::mm::PhysRange;
using libk::x86_64::paging::PageTableFlag;
using libk::x86_64::paging::PhysAddr;
namespace raw = libk::x86_64::raw;

// Returns the physical address of a higher-half image symbol.
std::uint64_t Phys(const std::byte* symbol) { return raw::AddressOf(symbol) - boot::kKernelVma; }

PhysRange Between(std::uint64_t start, std::uint64_t end) {
  LIBK_ASSERT(start <= end && start % boot::kPageBytes == 0 && end % boot::kPageBytes == 0,
              "kernel image range [{:#x}, {:#x}) is not page-aligned", start, end);
  return {PhysAddr::New(start), end - start};
}

}  // namespace

KernelImage KernelImage::FromLinker() {
  const std::uint64_t start = raw::AddressOf(__kernel_start_phys);
  const std::uint64_t text = Phys(__text_start);
  const std::uint64_t rodata = Phys(__text_end);
  const std::uint64_t data = Phys(__rodata_end);
  const std::uint64_t tables = Phys(__boot_tables_start);
  const std::uint64_t tables_end = Phys(__boot_tables_end);
  const std::uint64_t stacks = Phys(__stacks_start);
  const std::uint64_t end = Phys(__kernel_end);
  LIBK_ASSERT(tables_end == stacks && Phys(__stacks_end) == end,
              "boot/linker.ld no longer ends with the boot tables and the stacks");
  const auto global = PageTableFlag::kGlobal;
  KernelImage image;
  image.whole = Between(start, end);
  image.boot_tables = Between(tables, tables_end);
  // The boot part holds the boot GDT, which the CPU reads until interrupts::Init loads
  // the kernel's own: read-only, and never executed again.
  image.segments.Push({Between(start, text), global | PageTableFlag::kNoExecute});
  image.segments.Push({Between(text, rodata), global});
  image.segments.Push({Between(rodata, data), global | PageTableFlag::kNoExecute});
  image.segments.Push(
      {Between(data, tables), global | PageTableFlag::kWritable | PageTableFlag::kNoExecute});
  for (std::uint64_t slot = 0; slot < boot::kStackCount; ++slot) {
    const std::uint64_t guard = stacks + (slot * boot::kStackSlotBytes);
    image.segments.Push({Between(guard + boot::kPageBytes, guard + boot::kStackSlotBytes),
                         global | PageTableFlag::kWritable | PageTableFlag::kNoExecute});
  }
  // Text and rodata, read-only in the direct map too. Not the boot part: nothing runs
  // there after the switch (it is NX at -2 GiB), and its last frame may hold the boot
  // information, which the loader places right after the boot code.
  image.read_only.Push({text / boot::kPageBytes, data / boot::kPageBytes});
  return image;
}

}  // namespace kernel::mm
