// The TextScreen model mapped onto the real VGA text buffer (physical 0xb8000) and the
// hardware cursor.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/mmio.h"

#include "kernel/drivers/vga_text/text_screen.h"
#include "kernel/drivers/vga_text/vga_cursor.h"

namespace kernel::drivers::vga_text {

// Cell storage backed by the memory-mapped VGA text buffer, through typed MMIO registers;
// the cursor is the CRT controller's.
class VgaCells {
 public:
  // The buffer's physical address and its size: 80x25 cells of two bytes.
  static constexpr std::uint64_t kPhysicalAddress = 0xb8000;
  static constexpr std::uint64_t kBytes = std::uint64_t{80} * 25 * 2;

  // Writes to the buffer claimed as `buffer` (kBytes of device memory) and shows the
  // cursor through `cursor`, which it turns on as an underline. Panics if `buffer` is
  // smaller than kBytes.
  VgaCells(libk::x86_64::MmioRange buffer, VgaCursor cursor);

  // Writes to `buffer` from now on: the same cells, claimed at another address (the
  // kernel's direct map instead of the boot map). Panics if it is smaller than kBytes.
  void MoveBuffer(libk::x86_64::MmioRange buffer);

  void Set(std::size_t index, std::uint16_t value) { Cell(index).Write(value); }
  std::uint16_t Get(std::size_t index) const { return Cell(index).Read(); }
  void SetCursor(std::size_t index) const { cursor_.MoveTo(index); }

 private:
  libk::x86_64::Mmio<std::uint16_t> Cell(std::size_t index) const {
    return buffer_.At<std::uint16_t>(index * sizeof(std::uint16_t));
  }

  libk::x86_64::MmioRange buffer_;
  VgaCursor cursor_;
};

using VgaScreen = TextScreen<VgaCells>;

}  // namespace kernel::drivers::vga_text
