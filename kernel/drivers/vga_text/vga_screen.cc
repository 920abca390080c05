#include "kernel/drivers/vga_text/vga_screen.h"

#include <utility>

#include "libk/panic/panic.h"

namespace kernel::drivers::vga_text {

VgaCells::VgaCells(libk::x86_64::MmioRange buffer, VgaCursor cursor)
    : buffer_(std::move(buffer)), cursor_(cursor) {
  LIBK_ASSERT(buffer_.size() >= kBytes, "the VGA text buffer needs {} bytes", kBytes);
  cursor_.Enable();
}

void VgaCells::MoveBuffer(libk::x86_64::MmioRange buffer) {
  LIBK_ASSERT(buffer.size() >= kBytes, "the VGA text buffer needs {} bytes", kBytes);
  buffer_ = std::move(buffer);
}

}  // namespace kernel::drivers::vga_text
