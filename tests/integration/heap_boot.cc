// heap_boot: the frame allocator, the mapper over the boot tables and the kernel heap for
// the heap test kernels (see heap_boot.h).
#include "tests/integration/heap_boot.h"

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

#include "libk/arch/x86_64/control_registers.h"
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/phys_window.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/containers/span.h"
#include "libk/mm/bitmap_frame_allocator.h"
#include "libk/mm/paged_region_source.h"
#include "libk/mm/usable_memory.h"
#include "libk/panic/panic.h"
#include "libk/result/optional.h"

#include "boot/boot_constants.h"
#include "kernel/console/print.h"
#include "kernel/heap/heap.h"
#include "kernel/heap/sizes.h"

// The kernel image's physical start and virtual end; boot/linker.ld defines the symbols.
// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" const std::byte __kernel_start_phys[];
extern "C" const std::byte __kernel_end[];
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)

namespace heap_boot {
namespace {

using libk::mm::BitmapFrameAllocator;
using libk::mm::PhysRange;
using libk::x86_64::PhysWindow;
using libk::x86_64::paging::FrameRange;
using libk::x86_64::paging::Mapper;
using libk::x86_64::paging::Page;
using libk::x86_64::paging::PhysAddr;
using libk::x86_64::paging::Size4KiB;
using libk::x86_64::paging::VirtAddr;

// The allocator and the mapper live as long as the kernel: made in place in static
// storage, never destroyed (so the kernel registers no destructor to run at exit).
alignas(BitmapFrameAllocator) std::byte frames_storage[sizeof(BitmapFrameAllocator)];
alignas(Mapper<PhysWindow>) std::byte mapper_storage[sizeof(Mapper<PhysWindow>)];
BitmapFrameAllocator* frames = nullptr;
Mapper<PhysWindow>* mapper = nullptr;

PhysAddr PhysOf(const void* object) {
  return PhysAddr::New(libk::x86_64::raw::AddressOf(object) - boot::kKernelVma);
}

PhysWindow BootWindow() {
  // SAFETY: the boot page tables map physical [0, 1 GiB) read-write at the kernel's base
  // for the whole life of these test kernels, and only one CPU edits the tables.
  return PhysWindow(VirtAddr::New(boot::kKernelVma), boot::kBootMapBytes);
}

}  // namespace

kernel::heap::HeapRange Reserved(std::uint64_t usable_pages) {
  return {Page<Size4KiB>::Containing(VirtAddr::New(kReservedStart)), usable_pages + 2};
}

void Init(const libk::multiboot2::Info& info, std::uint64_t usable_pages,
          libk::Optional<kernel::heap::Sizes> sizes) {
  const PhysAddr image = PhysAddr::New(libk::x86_64::raw::AddressOf(__kernel_start_phys));
  const PhysRange in_use[] = {{image, PhysOf(__kernel_end) - image},
                              {PhysOf(info.data()), info.total_size()}};
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
  LIBK_ASSERT(frames == nullptr, "heap_boot::Init ran twice");
  frames =
      ::new (static_cast<void*>(frames_storage)) BitmapFrameAllocator(std::move(created).value());
  mapper = ::new (static_cast<void*>(mapper_storage))
      Mapper<PhysWindow>(libk::x86_64::ReadCr3().root, window);
  const std::uint64_t usable_ram = frames->total_frames() * Size4KiB::kSize;
  kernel::kprintln("heap_boot: {} MiB usable", usable_ram >> 20);
  // SAFETY: the allocator and the mapper live as long as the kernel, and only this CPU
  // uses them (under the heap's lock when the heap grows).
  const libk::mm::PagingRefs<PhysWindow, BitmapFrameAllocator> paging(*mapper, *frames);
  // SAFETY: the reserved range is unmapped higher-half address space that only the heap
  // uses, in the live tables the mapper edits.
  if (sizes.has_value()) {
    kernel::heap::InitWithSizes(paging, Reserved(usable_pages), *sizes);
  } else {
    kernel::heap::Init(paging, Reserved(usable_pages), usable_ram);
  }
}

BitmapFrameAllocator& Frames() { return *frames; }
Mapper<PhysWindow>& LiveMapper() { return *mapper; }

}  // namespace heap_boot
