// kernel::Main for the interrupt test kernels: the console, panics that end the run, the
// kernel's GDT, IDT and PICs (interrupts::Init), then every KTEST linked into the image.
#include "kernel/console/console.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/main.h"
#include "kernel/panic/panic.h"
#include "kernel/testing/ktest.h"

namespace kernel {

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  panic::SetExitOnPanic(true);
  interrupts::Init();
  testing::RunAllTests();
}

}  // namespace kernel
