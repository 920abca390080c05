// paging_selftest: the paging types, the mapper and the frame allocator, built for the
// kernel and run on the machine. Main sets up a frame allocator from GRUB's memory map;
// the KTESTs map pages of every size over a static array, read CPUID and CR3, translate
// the kernel's own addresses through the live boot tables and map a fresh page there.
#include "tests/integration/paging_selftest.h"

#include <cstddef>
#include <cstdint>
#include <utility>

#include "libk/arch/x86_64/control_registers.h"
#include "libk/arch/x86_64/cpuid.h"
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/phys_window.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/containers/span.h"
#include "libk/mm/bitmap_frame_allocator.h"
#include "libk/mm/usable_memory.h"
#include "libk/panic/panic.h"

#include "boot/boot_constants.h"
#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/main.h"
#include "kernel/panic/panic.h"
#include "kernel/testing/ktest.h"

// The kernel image's physical start and virtual end; boot/linker.ld defines (and names)
// the symbols.
// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" const std::byte __kernel_start_phys[];
extern "C" const std::byte __kernel_end[];
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)

namespace paging_selftest {
namespace {

using libk::mm::BitmapFrameAllocator;
using libk::mm::PhysRange;
using libk::x86_64::PhysWindow;
using libk::x86_64::paging::FrameRange;
using libk::x86_64::paging::PhysAddr;
using libk::x86_64::paging::Size4KiB;
using libk::x86_64::paging::VirtAddr;

const libk::multiboot2::Info* boot_info = nullptr;
BitmapFrameAllocator* frames = nullptr;

// Returns the physical address of `object`, which the boot window maps.
PhysAddr PhysOf(const void* object) {
  return PhysAddr::New(libk::x86_64::raw::AddressOf(object) - boot::kKernelVma);
}

}  // namespace

const libk::multiboot2::Info& BootInfo() { return *boot_info; }

PhysRange KernelImage() {
  const PhysAddr start = PhysAddr::New(libk::x86_64::raw::AddressOf(__kernel_start_phys));
  return {start, PhysOf(__kernel_end) - start};
}

PhysRange BootInfoRange() { return {PhysOf(boot_info->data()), boot_info->total_size()}; }

BitmapFrameAllocator& Frames() { return *frames; }

PhysWindow BootWindow() {
  // SAFETY: the boot page tables map physical [0, 1 GiB) read-write at the kernel's base
  // for as long as the kernel runs on them (all of this test kernel's life), and the tests
  // that edit those tables run one at a time.
  return PhysWindow(VirtAddr::New(boot::kKernelVma), boot::kBootMapBytes);
}

}  // namespace paging_selftest

namespace kernel {

void Main(const libk::multiboot2::Info& info) {
  using namespace paging_selftest;  // NOLINT(google-build-using-namespace)
  console::Init();
  panic::SetExitOnPanic(true);
  boot_info = &info;
  const PhysRange in_use[] = {KernelImage(), BootInfoRange()};
  const PhysWindow window = BootWindow();
  auto created = BitmapFrameAllocator::Create(
      info.MemoryMap(), libk::Span<const PhysRange>(in_use), PhysAddr::New(boot::kBootMapBytes),
      [&window](FrameRange<Size4KiB> storage, std::size_t words) {
        // SAFETY: the allocator carved `storage` out of free RAM below 1 GiB, which the
        // boot window maps; nothing else uses those frames.
        auto* bitmap = libk::x86_64::raw::ObjectAt<std::uint64_t>(
            window.VirtOf(storage.start().StartAddress()).value());
        // SAFETY: `storage` holds at least `words` words, mapped for the kernel's lifetime.
        return libk::Span<std::uint64_t>(bitmap, words);
      });
  LIBK_ASSERT(created.is_ok(), "frame allocator: {}", created.error());
  // Main never returns (RunAllTests exits QEMU), so the allocator lives as long as needed.
  BitmapFrameAllocator allocator = std::move(created).value();
  frames = &allocator;
  kprintln("paging_selftest: {} MiB usable in {} ranges, {} frames in use, bitmap at {}",
           allocator.total_frames() / 256, allocator.memory().runs().size(),
           allocator.used_frames(), allocator.bitmap_frames().start());
  testing::RunAllTests();
}

}  // namespace kernel
