#include "kernel/drivers/serial/uart16550.h"

#include "libk/arch/x86_64/cpu.h"

namespace kernel::drivers::serial {
namespace {
constexpr std::uint8_t kLineStatusDataReady = 0x01;
constexpr std::uint8_t kLineStatusTransmitEmpty = 0x20;
constexpr std::uint8_t kLineControlDivisorLatch = 0x80;
constexpr std::uint8_t kLineControl8N1 = 0x03;
constexpr std::uint8_t kFifoEnableClear14 = 0xc7;
constexpr std::uint8_t kModemDtrRtsOut2 = 0x0b;
// About a millisecond of polling even on a fast CPU; a real 16550 at 115200 baud empties
// its holding register in under 0.1 ms.
constexpr int kTransmitSpinLimit = 100000;
}  // namespace

void Uart16550::Init() {
  interrupt_enable_.Write(0x00);
  line_control_.Write(kLineControlDivisorLatch);
  data_.Write(0x01);              // Divisor 1: 115200 baud (low byte).
  interrupt_enable_.Write(0x00);  // Divisor high byte.
  line_control_.Write(kLineControl8N1);
  fifo_control_.Write(kFifoEnableClear14);
  modem_control_.Write(kModemDtrRtsOut2);
}

void Uart16550::WriteByte(std::uint8_t byte) {
  for (int i = 0; i < kTransmitSpinLimit; ++i) {
    if ((line_status_.Read() & kLineStatusTransmitEmpty) != 0) {
      data_.Write(byte);
      return;
    }
    libk::x86_64::SpinLoopHint();
  }
  ++dropped_;
}

bool Uart16550::TryReadByte(std::uint8_t* byte) {
  if ((line_status_.Read() & kLineStatusDataReady) == 0) {
    return false;
  }
  *byte = data_.Read();
  return true;
}

void Uart16550::Write(const char* data, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i) {
    WriteByte(static_cast<std::uint8_t>(data[i]));
  }
}

}  // namespace kernel::drivers::serial
