// The VGA hardware cursor: the CRT controller's cursor registers, reached through its
// index port 0x3d4 and data port 0x3d5 (typed Ports), so the blinking underline follows
// the text the console writes.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/port.h"

namespace kernel::drivers {

// The CRT controller registers this driver uses (an index written to port 0x3d4 selects
// the register that port 0x3d5 reads and writes).
enum class CrtcRegister : std::uint8_t {
  kCursorStart = 0x0a,         // bit 5 hides the cursor; bits 0-4: its top scan line
  kCursorEnd = 0x0b,           // bits 0-4: its bottom scan line
  kCursorLocationHigh = 0x0e,  // the cursor's cell index, high byte
  kCursorLocationLow = 0x0f,   // and low byte
};

class VgaCursor {
 public:
  // Safety: the caller must own the CRT controller (ports 0x3d4 and 0x3d5): the console
  // does, as the only user of the VGA text screen.
  VgaCursor();

  // Shows the cursor as an underline (scan lines 14-15 of the 16 of a character), also if
  // the boot loader hid it.
  void Enable() const;

  // Moves the cursor to cell `index` (row * 80 + column).
  void MoveTo(std::size_t index) const;

 private:
  std::uint8_t Read(CrtcRegister reg) const;
  void Write(CrtcRegister reg, std::uint8_t value) const;

  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> index_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> data_;
};

}  // namespace kernel::drivers
