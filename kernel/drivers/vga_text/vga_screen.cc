#include "kernel/drivers/vga_text/vga_screen.h"

#include <utility>

#include "libk/panic/panic.h"

namespace kernel::drivers::vga_text {

VgaCells::VgaCells(libk::x86_64::MmioRange buffer) : buffer_(std::move(buffer)) {
  LIBK_ASSERT(buffer_.size() >= kBytes, "the VGA text buffer needs {} bytes", kBytes);
}

}  // namespace kernel::drivers::vga_text
