// The TextScreen model mapped onto the real VGA text buffer (physical 0xb8000) and the
// hardware cursor.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/drivers/vga_text/text_screen.h"
#include "kernel/drivers/vga_text/vga_cursor.h"

namespace kernel::drivers {

// Cell storage backed by the memory-mapped VGA text buffer; the cursor is the CRT
// controller's.
class VgaCells {
 public:
  // Safety: the VGA text buffer must be mapped at its boot-map address while in use and
  // written by no one else, and the CRT controller driven by no one else (the console
  // owns both).
  VgaCells();

  void Set(std::size_t index, std::uint16_t value) { buffer_[index] = value; }
  std::uint16_t Get(std::size_t index) const { return buffer_[index]; }
  void SetCursor(std::size_t index) const { cursor_.MoveTo(index); }

 private:
  volatile std::uint16_t* buffer_;
  VgaCursor cursor_;
};

using VgaScreen = TextScreen<VgaCells>;

}  // namespace kernel::drivers
