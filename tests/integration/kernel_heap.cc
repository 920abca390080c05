// kernel_heap: the kernel heap in the live page tables, behind the kernel's operator new
// and delete, built once per allocator design (the BUILD file links one
// //libk/alloc:global_<design> library; KERNEL_HEAP_BUMP is defined for the bump design).
// The heap starts at 64 KiB and may grow to 1 MiB, which is all its reserved range holds
// between the guard pages. blog_os's heap tests through libk's owning types, every form of
// <new>, growth, nothrow new at the limit, the out-of-memory and bad-delete panics, and
// the guard pages.
#include <cstddef>
#include <cstdint>
#include <new>

#include "libk/alloc/global_heap.h"
#include "libk/alloc/heap_stats.h"
#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/mmio.h"
#include "libk/containers/array_vec.h"
#include "libk/memory/unique_ptr.h"
#include "libk/memory/vector.h"
#include "libk/panic/panic.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/heap/heap.h"
#include "kernel/heap/sizes.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/main.h"
#include "kernel/panic/panic.h"
#include "kernel/testing/ktest.h"
#include "tests/integration/heap_boot.h"

namespace {

namespace raw = libk::x86_64::raw;
using libk::alloc::HeapStats;
using libk::x86_64::paging::Page;
using libk::x86_64::paging::Size4KiB;

constexpr std::size_t kKiB = 1024;
constexpr std::size_t kInitial = 64 * kKiB;
constexpr std::size_t kLimit = 1024 * kKiB;
constexpr std::uint64_t kUsablePages = kLimit / 4096;

HeapStats Stats() { return libk::alloc::global_heap::Stats(); }

// Panics unless everything allocated has been freed.
void ExpectBaseline() {
  const HeapStats stats = Stats();
  LIBK_ASSERT(stats.bytes_in_use == 0 && stats.live_allocations == 0, "{}", stats);
}

KTEST(kernel_heap, simple_allocation) {
  {
    const libk::UniquePtr<std::uint64_t> a = libk::MakeUnique<std::uint64_t>(41);
    const libk::UniquePtr<std::uint64_t> b = libk::MakeUnique<std::uint64_t>(13);
    LIBK_ASSERT(*a == 41 && *b == 13);
  }
  ExpectBaseline();
}

KTEST(kernel_heap, large_vec) {
  {
    libk::Vector<std::uint64_t> values;
    for (std::uint64_t i = 0; i < 1000; ++i) values.Push(i);
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < values.size(); ++i) sum += values[i];
    LIBK_ASSERT(sum == 999 * 1000 / 2, "sum {}", sum);
  }
  ExpectBaseline();
}

// 10,000 boxes one after another: 320 KiB in all with the headers, five times the heap's
// first size, so blocks must be reused.
KTEST(kernel_heap, many_boxes) {
  const std::size_t region = Stats().region_bytes;
  for (std::uint64_t i = 0; i < 10000; ++i) {
    const libk::UniquePtr<std::uint64_t> box = libk::MakeUnique<std::uint64_t>(i);
    LIBK_ASSERT(*box == i);
  }
  LIBK_ASSERT(Stats().region_bytes == region, "the heap grew: {}", Stats());
  ExpectBaseline();
}

// 10,000 boxes alive at once: more than the first 64 KiB, so the region grows. Every page
// of it is mapped to its own frame, taken from the frame allocator; the guard pages and
// the pages past the region are not mapped.
KTEST(kernel_heap, grows_past_its_initial_size) {
  {
    libk::Vector<libk::UniquePtr<std::uint64_t>> boxes;
    for (std::uint64_t i = 0; i < 10000; ++i) boxes.Push(libk::MakeUnique<std::uint64_t>(i));
    for (std::uint64_t i = 0; i < 10000; ++i) LIBK_ASSERT(*boxes[i] == i);
    const HeapStats stats = Stats();
    LIBK_ASSERT(stats.region_bytes > kInitial && stats.grow_count > 0, "{}", stats);
    kernel::kprintln("kernel_heap: 10000 boxes: {}", kernel::heap::CurrentSummary());
    auto& mapper = heap_boot::LiveMapper();
    const auto first = Page<Size4KiB>::Containing(heap_boot::RegionStart());
    libk::ArrayVec<std::uint64_t, kUsablePages> frames;
    for (std::uint64_t i = 0; i < stats.region_bytes / 4096; ++i) {
      const auto translation = mapper.Translate((first + i).StartAddress()).UnwrapOrPanic();
      const std::uint64_t frame = translation.frame_start.value();
      for (const std::uint64_t other : frames) {
        LIBK_ASSERT(other != frame, "frame {:#x} twice", frame);
      }
      LIBK_ASSERT(heap_boot::Frames().IsUsed(
          libk::x86_64::paging::PhysFrame<Size4KiB>::Containing(translation.frame_start)));
      frames.Push(frame);
    }
    LIBK_ASSERT(mapper.Translate((first - 1).StartAddress()).is_error(), "lower guard mapped");
    LIBK_ASSERT(mapper.Translate((first + (stats.region_bytes / 4096)).StartAddress()).is_error(),
                "the page past the region is mapped");
  }
  ExpectBaseline();
}

struct alignas(64) CacheLine {
  std::uint64_t words[8];
};
struct alignas(4096) PageSized {
  std::byte bytes[4096];
};

// Counts its live instances, so that delete[] must run every destructor (and the array
// gets a cookie, so delete[] passes its size).
struct Counted {
  static inline int live = 0;
  Counted() { ++live; }
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;
  ~Counted() { --live; }
};

// Every form <new> declares, in new-expressions and direct calls.
KTEST(kernel_heap, every_form_of_new_and_delete) {
  auto* single = new std::uint64_t(5);  // new(size), delete(ptr, size)
  LIBK_ASSERT(*single == 5);
  delete single;
  auto* line = new CacheLine{};  // new(size, align), delete(ptr, size, align)
  LIBK_ASSERT(raw::AddressOf(line) % 64 == 0);
  delete line;
  auto* page = new PageSized;
  LIBK_ASSERT(raw::AddressOf(page) % 4096 == 0);
  delete page;
  auto* maybe = new (std::nothrow) std::uint32_t(7);  // new(size, nothrow)
  LIBK_ASSERT(maybe != nullptr && *maybe == 7);
  delete maybe;
  auto* maybe_aligned = new (std::nothrow) CacheLine;  // new(size, align, nothrow)
  LIBK_ASSERT(maybe_aligned != nullptr && raw::AddressOf(maybe_aligned) % 64 == 0);
  delete maybe_aligned;
  auto* numbers = new int[100];  // new[](size); trivially destructible: unsized delete[]
  for (int i = 0; i < 100; ++i) numbers[i] = i;
  LIBK_ASSERT(numbers[99] == 99);
  delete[] numbers;
  auto* counted = new Counted[10];  // a cookie: sized delete[]
  LIBK_ASSERT(Counted::live == 10);
  delete[] counted;
  LIBK_ASSERT(Counted::live == 0);
  auto* lines = new CacheLine[3];  // new[](size, align), delete[](ptr, align)
  LIBK_ASSERT(raw::AddressOf(lines) % 64 == 0);
  delete[] lines;
  auto* maybe_numbers = new (std::nothrow) int[10];  // new[](size, nothrow)
  LIBK_ASSERT(maybe_numbers != nullptr);
  delete[] maybe_numbers;
  auto* maybe_lines = new (std::nothrow) CacheLine[2];  // new[](size, align, nothrow)
  LIBK_ASSERT(maybe_lines != nullptr);
  delete[] maybe_lines;
  void* raw_block = ::operator new(100);  // unsized delete of a direct allocation
  ::operator delete(raw_block);
  void* raw_aligned = ::operator new(100, std::align_val_t{256});
  LIBK_ASSERT(raw::AddressOf(raw_aligned) % 256 == 0);
  ::operator delete(raw_aligned, std::align_val_t{256});
  void* zero = ::operator new(0);
  LIBK_ASSERT(zero != nullptr);
  ::operator delete(zero, std::size_t{0});
  ExpectBaseline();
}

// nothrow new returns null once the heap cannot grow past its limit; the kernel goes on,
// and after freeing, allocation works again.
KTEST(kernel_heap, nothrow_new_returns_null_at_the_limit) {
  constexpr std::size_t kBlock = 60000;
  std::byte* blocks[32] = {};
  std::size_t count = 0;
  while (count < 32) {
    auto* block = new (std::nothrow) std::byte[kBlock];
    if (block == nullptr) break;
    blocks[count++] = block;
  }
  const HeapStats stats = Stats();
  kernel::kprintln("kernel_heap: nothrow new returned null after {} blocks of {} bytes: {}", count,
                   kBlock, kernel::heap::CurrentSummary());
  LIBK_ASSERT(count > 0 && count < 32, "{} blocks", count);
  LIBK_ASSERT(stats.region_bytes == kLimit, "the heap stopped short of its limit: {}", stats);
  for (std::size_t i = 0; i < count; ++i) delete[] blocks[i];
  // NOLINTNEXTLINE(clang-analyzer-cplusplus.NewDeleteLeaks): all freed above, in the array.
  auto* again = new (std::nothrow) std::byte[kBlock];
  LIBK_ASSERT(again != nullptr);
  delete[] again;
  ExpectBaseline();
}

KTEST(kernel_heap, is_back_to_its_baseline) {
  ExpectBaseline();
  kernel::heap::PrintSummary();
}

// The throwing form panics with the request and the heap's state.
KTEST_SHOULD_PANIC(kernel_heap, new_past_the_limit_panics) {
  auto* block = new std::byte[2 * kLimit];
  kernel::kprintln("kernel_heap: got {}", static_cast<void*>(block));
}

// A sized delete that disagrees with the block's header panics before freeing anything.
KTEST_SHOULD_PANIC(kernel_heap, mismatched_sized_delete_panics) {
  void* block = ::operator new(64);
  ::operator delete(block, 32);
}

// By now the region has reached its limit (nothrow_new_returns_null_at_the_limit), so the
// byte past its end is in the upper guard page.
KTEST_SHOULD_PANIC(kernel_heap, write_past_the_end_of_the_heap_faults) {
  const std::uint64_t end = heap_boot::RegionStart().value() + Stats().region_bytes;
  kernel::kprintln("kernel_heap: writing at the heap's end {:#x}", end);
  // SAFETY: deliberately invalid: the page past the region is the unmapped guard page, so
  // the write faults before it reaches memory, and the kernel's handler panics.
  raw::VolatileStore<std::uint64_t>(end, 1);
}

KTEST_SHOULD_PANIC(kernel_heap, write_into_the_lower_guard_page_faults) {
  const std::uint64_t below = heap_boot::RegionStart().value() - 8;
  // SAFETY: deliberately invalid: the lower guard page is never mapped, so the write
  // faults, and the kernel's handler panics.
  raw::VolatileStore<std::uint64_t>(below, 1);
}

// blog_os's many_boxes_long_lived, last because the bump allocator fails it and leaks what
// it allocated: one box lives while 102,400 others (3.2 MiB with their headers) come and
// go. The plain new-expression panics with the out-of-memory line.
void ManyBoxesLongLived() {
  auto* long_lived = new std::uint64_t(1);
  for (std::uint64_t i = 0; i < std::uint64_t{100} * 1024; ++i) {
    auto* box = new std::uint64_t(i);
    LIBK_ASSERT(*box == i);
    delete box;
  }
  LIBK_ASSERT(*long_lived == 1);
  delete long_lived;
}

#if defined(KERNEL_HEAP_BUMP)
KTEST_SHOULD_PANIC(kernel_heap, many_boxes_long_lived) { ManyBoxesLongLived(); }
#else
KTEST(kernel_heap, many_boxes_long_lived) { ManyBoxesLongLived(); }
#endif

}  // namespace

namespace kernel {

void Main(const libk::multiboot2::Info& info) {
  console::Init();
  panic::SetExitOnPanic(true);
  interrupts::Init();
  heap_boot::Init(info, kUsablePages, heap::Sizes{.initial = kInitial, .limit = kLimit});
  heap::PrintSummary();
  testing::RunAllTests();
}

}  // namespace kernel
