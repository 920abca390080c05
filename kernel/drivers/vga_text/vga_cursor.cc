#include "kernel/drivers/vga_text/vga_cursor.h"

namespace kernel::drivers::vga_text {
namespace {

constexpr std::uint8_t kCursorHidden = 1U << 5;
constexpr std::uint8_t kScanLineMask = 0x1f;
constexpr std::uint8_t kUnderlineTop = 14;
constexpr std::uint8_t kUnderlineBottom = 15;

}  // namespace

void VgaCursor::Enable() const {
  // Keep the bits this driver does not own (start: 6-7; end: skew, 5-7).
  const auto start = static_cast<std::uint8_t>(Read(CrtcRegister::kCursorStart) &
                                               ~(kCursorHidden | kScanLineMask));
  Write(CrtcRegister::kCursorStart, static_cast<std::uint8_t>(start | kUnderlineTop));
  const auto end = static_cast<std::uint8_t>(Read(CrtcRegister::kCursorEnd) & ~kScanLineMask);
  Write(CrtcRegister::kCursorEnd, static_cast<std::uint8_t>(end | kUnderlineBottom));
}

void VgaCursor::MoveTo(std::size_t index) const {
  Write(CrtcRegister::kCursorLocationLow, static_cast<std::uint8_t>(index & 0xff));
  Write(CrtcRegister::kCursorLocationHigh, static_cast<std::uint8_t>((index >> 8) & 0xff));
}

std::uint8_t VgaCursor::Read(CrtcRegister reg) const {
  index_.Write(static_cast<std::uint8_t>(reg));
  return data_.Read();
}

void VgaCursor::Write(CrtcRegister reg, std::uint8_t value) const {
  index_.Write(static_cast<std::uint8_t>(reg));
  data_.Write(value);
}

}  // namespace kernel::drivers::vga_text
