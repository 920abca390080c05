// keel's kernel: greets, then idles until an interrupt (there are none to wait for yet).
#include "kernel/main.h"

#include "libk/arch/x86_64/cpu.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"

namespace kernel {

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  kprintln("Hello World!");
  for (;;) {
    libk::x86_64::Halt();
  }
}

}  // namespace kernel
