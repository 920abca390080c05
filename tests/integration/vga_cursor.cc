// vga_cursor: the VGA hardware cursor follows the text, read back from the CRT controller
// through QMP once the kernel is done: after a line and "abc" it sits on row 1, column 3,
// shown as the driver's underline (scan lines 14-15), whatever GRUB left.
#include "libk/arch/x86_64/cpu.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/main.h"

namespace kernel {

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  kprintln("vga_cursor: row 0");
  kprint("abc");
  // COM1 only: the screen (and its cursor) stay as they are.
  serial_println("vga_cursor: done");
  libk::x86_64::HaltForever();
}

}  // namespace kernel
