// The TextScreen model mapped onto the real VGA text buffer (physical 0xb8000).
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/drivers/vga_text/text_screen.h"

namespace kernel::drivers::vga_text {

// Cell storage backed by the memory-mapped VGA text buffer.
class VgaCells {
 public:
  // Safety: the VGA text buffer must be mapped at its boot-map address while in use and
  // written by no one else (the console owns it).
  VgaCells();

  void Set(std::size_t index, std::uint16_t value) { buffer_[index] = value; }
  std::uint16_t Get(std::size_t index) const { return buffer_[index]; }

 private:
  volatile std::uint16_t* buffer_;
};

using VgaScreen = TextScreen<VgaCells>;

}  // namespace kernel::drivers::vga_text
