// serial_input: bytes written to COM1 by the test runner after a marker line reach the
// kernel (polled UART receive), which echoes the line back.
#include "libk/arch/x86_64/cpu.h"
#include "libk/containers/array_vec.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/main.h"
#include "kernel/qemu/exit.h"

namespace kernel {

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  kprintln("serial_input: ready");
  libk::ArrayVec<char, 64> line;
  for (;;) {
    char c = 0;
    if (!console::TryReadSerial(&c)) {
      libk::x86_64::SpinLoopHint();
      continue;
    }
    if (c == '\n' || c == '\r') {
      break;
    }
    if (line.TryPush(c).is_error()) {
      kprintln("serial_input: line too long");
      qemu::Exit(qemu::ExitCode::kFailure);
    }
  }
  kprintln("serial_input: got '{}'", libk::StringView(line.data(), line.size()));
  qemu::Exit(qemu::ExitCode::kSuccess);
}

}  // namespace kernel
