#include "kernel/main.h"

#include <cstdint>

#include "libk/arch/x86_64/raw/io.h"

namespace kernel {
namespace raw = libk::x86_64::raw;

void Main(const libk::multiboot2::Info& /*info*/) {
  constexpr std::uint16_t kCom1 = 0x3f8;
  raw::OutB(kCom1 + 1, 0x00);
  raw::OutB(kCom1 + 3, 0x80);
  raw::OutB(kCom1 + 0, 0x01);
  raw::OutB(kCom1 + 1, 0x00);
  raw::OutB(kCom1 + 3, 0x03);
  raw::OutB(kCom1 + 2, 0xc7);
  const char* msg = "Hello World!\n";
  auto* vga = reinterpret_cast<volatile std::uint16_t*>(0xffffffff800b8000);
  for (int i = 0; msg[i] != 0; ++i) {
    while ((raw::InB(kCom1 + 5) & 0x20) == 0) {
    }
    raw::OutB(kCom1, static_cast<std::uint8_t>(msg[i]));
    if (msg[i] != '\n') vga[i] = static_cast<std::uint16_t>(0x0f00 | msg[i]);
  }
  raw::OutB(0xf4, 0x10);
  for (;;) raw::Hlt();
}

}  // namespace kernel
