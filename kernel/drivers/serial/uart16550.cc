#include "kernel/drivers/serial/uart16550.h"

#include "libk/arch/x86_64/cpu.h"

namespace kernel::drivers::serial {
namespace {
// About a millisecond of polling even on a fast CPU; a real 16550 at 115200 baud empties
// its holding register in under 0.1 ms.
constexpr int kTransmitSpinLimit = 100000;
}  // namespace

void Uart16550::Init() {
  interrupt_enable_.Write({});
  line_control_.Write(LineControl::kDivisorLatchAccess);
  data_.Write(0x01);                                 // Divisor 1: 115200 baud (low byte).
  divisor_high_.Write(0x00);                         // Divisor high byte.
  line_control_.Write(LineControl::kEightDataBits);  // 8N1, DLAB clear again.
  fifo_control_.Write(FifoControl::kEnable | FifoControl::kClearReceive |
                      FifoControl::kClearTransmit | FifoControl::kTriggerAt14);
  modem_control_.Write(ModemControl::kDataTerminalReady | ModemControl::kRequestToSend |
                       ModemControl::kOut2);
}

void Uart16550::WriteByte(std::uint8_t byte) {
  for (int i = 0; i < kTransmitSpinLimit; ++i) {
    if (line_status_.Read().Contains(LineStatus::kTransmitterHoldingEmpty)) {
      data_.Write(byte);
      return;
    }
    libk::x86_64::SpinLoopHint();
  }
  ++dropped_;
}

bool Uart16550::TryReadByte(std::uint8_t* byte) {
  if (!line_status_.Read().Contains(LineStatus::kDataReady)) {
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
