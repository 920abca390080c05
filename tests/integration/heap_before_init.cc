// heap_before_init: the kernel's operator new before the heap is initialised. nothrow new
// returns null, and a throwing new panics with a message that says why, rather than
// touching memory that is not there. Built once per allocator design.
#include <cstdint>
#include <new>

#include "libk/alloc/global_heap.h"
#include "libk/panic/panic.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/main.h"
#include "kernel/panic/panic.h"
#include "kernel/testing/ktest.h"

namespace {

KTEST(heap_before_init, nothrow_new_returns_null) {
  auto* value = new (std::nothrow) std::uint64_t(1);
  LIBK_ASSERT(value == nullptr, "allocated before Init");
}

KTEST_SHOULD_PANIC(heap_before_init, new_panics) {
  auto* value = new std::uint64_t(1);
  kernel::kprintln("heap_before_init: allocated {} before Init", static_cast<void*>(value));
}

}  // namespace

namespace kernel {

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  panic::SetExitOnPanic(true);
  kprintln("heap_before_init: {} heap, not initialised", libk::alloc::global_heap::Name());
  testing::RunAllTests();
}

}  // namespace kernel
