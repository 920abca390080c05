#include "kernel/console/console.h"

#include "kernel/drivers/serial/uart16550.h"
#include "kernel/drivers/vga_text/vga_screen.h"

namespace kernel::console {
namespace {

constexpr std::uint16_t kCom1 = 0x3f8;

// SAFETY: COM1 is driven by the console alone.
drivers::Uart16550 serial(kCom1);

drivers::VgaScreen& Screen() {
  // SAFETY: the console is the VGA buffer's only writer (see VgaCells).
  static drivers::VgaScreen screen{drivers::VgaCells()};
  return screen;
}

}  // namespace

void Init() {
  serial.Init();
  Screen().Clear();
}

void Write(const char* text, std::size_t size) {
  serial.Write(text, size);
  Screen().Write(text, size);
}

void Write(const char* text) {
  std::size_t size = 0;
  while (text[size] != '\0') {
    ++size;
  }
  Write(text, size);
}

void SetColors(drivers::Color foreground, drivers::Color background) {
  Screen().SetColors(foreground, background);
}

}  // namespace kernel::console
