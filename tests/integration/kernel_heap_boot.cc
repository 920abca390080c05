// kernel_heap_boot: the kernel heap as the main kernel sets it up, sized by the build
// settings for the machine's RAM (//kernel/heap:max_mib, :ram_percent), printing the heap
// line; it then holds 100,000 small objects at once and frees them. Booted with -m 1G and
// with -m 32M, once per allocator design.
#include <cstdint>

#include "libk/alloc/global_heap.h"
#include "libk/alloc/heap_stats.h"
#include "libk/memory/unique_ptr.h"
#include "libk/memory/vector.h"
#include "libk/panic/panic.h"
#include "libk/result/optional.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/heap/heap.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/main.h"
#include "kernel/panic/panic.h"
#include "kernel/testing/ktest.h"
#include "tests/integration/heap_boot.h"

namespace {

constexpr std::uint64_t kObjects = 100000;

KTEST(kernel_heap_boot, holds_100000_small_objects) {
  {
    libk::Vector<libk::UniquePtr<std::uint64_t>> objects;
    objects.Reserve(kObjects);
    for (std::uint64_t i = 0; i < kObjects; ++i) {
      objects.Push(libk::MakeUnique<std::uint64_t>(i * 3));
    }
    std::uint64_t sum = 0;
    for (std::uint64_t i = 0; i < kObjects; ++i) sum += *objects[i];
    LIBK_ASSERT(sum == 3 * (kObjects - 1) * kObjects / 2, "sum {}", sum);
    kernel::kprintln("kernel_heap_boot: {} objects: {}", kObjects, kernel::heap::CurrentSummary());
  }
  const libk::alloc::HeapStats stats = libk::alloc::global_heap::Stats();
  LIBK_ASSERT(stats.bytes_in_use == 0 && stats.live_allocations == 0, "{}", stats);
  kernel::heap::PrintSummary();
}

}  // namespace

namespace kernel {

void Main(const libk::multiboot2::Info& info) {
  console::Init();
  panic::SetExitOnPanic(true);
  interrupts::Init();
  // 64 GiB between the guard pages, as kernel/mm reserves; the limit decides the rest.
  heap_boot::Init(info, (std::uint64_t{64} << 30) / 4096, libk::kNone);
  heap::PrintSummary();
  testing::RunAllTests();
}

}  // namespace kernel
