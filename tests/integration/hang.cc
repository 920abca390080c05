// A kernel that hangs with interrupts disabled: the runner must time out and fail.
#include "libk/arch/x86_64/cpu.h"

#include "kernel/console/console.h"
#include "kernel/main.h"

namespace kernel {

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  console::Write("hang: about to hang\n");
  libk::x86_64::HaltForever();
}

}  // namespace kernel
