// keyboard: keys typed through QEMU (QMP send-key after "keyboard: ready") arrive as IRQ 1,
// are decoded from scancode set 1 and echoed on serial and screen; at Enter the kernel
// prints the collected line. The runner checks both serial and the VGA text rows.
#include "kernel/input/keyboard.h"

#include <cstddef>

#include "libk/fmt/string_view.h"
#include "libk/panic/panic.h"

#include "kernel/console/console.h"
#include "kernel/console/key_echo.h"
#include "kernel/console/print.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/main.h"

namespace kernel {
namespace {

// Written only by the keyboard interrupt handler, which never nests.
char line[80];
std::size_t line_length = 0;

void OnKey(drivers::keyboard::DecodedKey key) {
  console::EchoKey(key);
  if (key.kind() != drivers::keyboard::DecodedKey::Kind::kUnicode) return;
  if (key.unicode() == '\n') {
    kprintln("keyboard: line '{}'", libk::StringView(line, line_length));
    line_length = 0;
  } else if (line_length < sizeof(line)) {
    line[line_length++] = static_cast<char>(key.unicode());
  }
}

}  // namespace

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  interrupts::Init();
  const auto ready = input::Init(&OnKey);
  LIBK_ASSERT(ready.is_ok(), "input::Init failed: {}", libk::ErrorName(ready.error()));
  kprintln("keyboard: ready");
  interrupts::IdleForever();
}

}  // namespace kernel
