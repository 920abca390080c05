// The VGA hardware cursor: the CRT controller's cursor registers, reached through its
// index port (0x3d4) and data port (0x3d5), so the blinking underline follows the text the
// console writes. The driver gets the two ports as a range its owner claimed.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/port.h"

namespace kernel::drivers::vga_text {

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
  // The CRT controller's index port (in colour mode), and how many ports from it this
  // driver uses: the index port and the data port after it.
  static constexpr std::uint16_t kCrtcIndexPort = 0x3d4;
  static constexpr std::uint16_t kPortCount = 2;

  // Drives the CRT controller whose kPortCount I/O ports, from its index port, are `ports`.
  explicit constexpr VgaCursor(const libk::x86_64::PortRange& ports)
      : index_(ports.At<std::uint8_t, libk::x86_64::WriteOnly>(0)),
        data_(ports.At<std::uint8_t, libk::x86_64::ReadWrite>(1)) {}

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

}  // namespace kernel::drivers::vga_text
