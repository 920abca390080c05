// panic_backtrace: the production panic path (no test hook, no exit) for a failed
// assertion three calls deep, started in the middle of a line: the report starts a line of
// its own on COM1 and on the screen, and the backtrace names the three functions (from the
// symbol table the build writes into the image), then Main and the boot path.
#include "libk/panic/panic.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/main.h"

namespace panic_backtrace {
namespace {

// Each call is in tail position: the frames survive only because the kernel is built
// without sibling-call optimisation.
[[gnu::noinline]] void Inner(int depth) {
  LIBK_ASSERT(depth == 0, "three calls deep, depth {}", depth);
}

[[gnu::noinline]] void Middle(int depth) { Inner(depth + 1); }

[[gnu::noinline]] void Outer(int depth) { Middle(depth + 1); }

}  // namespace
}  // namespace panic_backtrace

namespace kernel {

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  kprint("panic_backtrace: half a line");
  panic_backtrace::Outer(1);
}

}  // namespace kernel
