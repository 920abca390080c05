// kernel::Main for in-kernel test images: set up the console, make panics end the run
// with failure, and run every KTEST linked into the image.
#include "kernel/console/console.h"
#include "kernel/main.h"
#include "kernel/panic/panic.h"
#include "kernel/testing/ktest.h"

namespace kernel {

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  panic::SetExitOnPanic(true);
  testing::RunAllTests();
}

}  // namespace kernel
