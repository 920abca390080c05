// The 16550 UART (COM1 on PCs and in QEMU): line set-up, polled transmission, reception
// (polled or on the receive interrupt). Its
// control and status registers are Flags of the enums below (16550D data sheet, table 2).
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/port.h"
#include "libk/flags/flags.h"

namespace kernel::drivers::serial {

// The interrupt enable register (base + 1, while DLAB is clear).
enum class InterruptEnable : std::uint8_t {
  kReceivedData = 1U << 0,
  kTransmitterEmpty = 1U << 1,
  kLineStatus = 1U << 2,
  kModemStatus = 1U << 3,
};
LIBK_DEFINE_FLAGS(InterruptEnable, {InterruptEnable::kReceivedData, "RECEIVED_DATA"},
                  {InterruptEnable::kTransmitterEmpty, "TRANSMITTER_EMPTY"},
                  {InterruptEnable::kLineStatus, "LINE_STATUS"},
                  {InterruptEnable::kModemStatus, "MODEM_STATUS"});

// The FIFO control register (base + 2, write-only).
enum class FifoControl : std::uint8_t {
  kEnable = 1U << 0,
  kClearReceive = 1U << 1,
  kClearTransmit = 1U << 2,
  kDmaMode = 1U << 3,
  kTriggerAt14 = 3U << 6,  // Interrupt when the receive FIFO holds 14 bytes.
};
LIBK_DEFINE_FLAGS(FifoControl, {FifoControl::kEnable, "ENABLE"},
                  {FifoControl::kClearReceive, "CLEAR_RECEIVE"},
                  {FifoControl::kClearTransmit, "CLEAR_TRANSMIT"},
                  {FifoControl::kDmaMode, "DMA_MODE"},
                  {FifoControl::kTriggerAt14, "TRIGGER_AT_14"});

// The line control register (base + 3).
enum class LineControl : std::uint8_t {
  kEightDataBits = 3U << 0,  // Word length select: both bits set.
  kTwoStopBits = 1U << 2,
  kParityEnable = 1U << 3,
  kEvenParity = 1U << 4,
  kStickParity = 1U << 5,
  kBreak = 1U << 6,
  kDivisorLatchAccess = 1U << 7,  // DLAB: base + 0 and + 1 become the baud divisor.
};
LIBK_DEFINE_FLAGS(LineControl, {LineControl::kEightDataBits, "EIGHT_DATA_BITS"},
                  {LineControl::kTwoStopBits, "TWO_STOP_BITS"},
                  {LineControl::kParityEnable, "PARITY_ENABLE"},
                  {LineControl::kEvenParity, "EVEN_PARITY"},
                  {LineControl::kStickParity, "STICK_PARITY"}, {LineControl::kBreak, "BREAK"},
                  {LineControl::kDivisorLatchAccess, "DIVISOR_LATCH_ACCESS"});

// The modem control register (base + 4).
enum class ModemControl : std::uint8_t {
  kDataTerminalReady = 1U << 0,
  kRequestToSend = 1U << 1,
  kOut1 = 1U << 2,
  kOut2 = 1U << 3,  // On PCs, gates the UART's interrupt line.
  kLoopback = 1U << 4,
};
LIBK_DEFINE_FLAGS(ModemControl, {ModemControl::kDataTerminalReady, "DTR"},
                  {ModemControl::kRequestToSend, "RTS"}, {ModemControl::kOut1, "OUT1"},
                  {ModemControl::kOut2, "OUT2"}, {ModemControl::kLoopback, "LOOPBACK"});

// The line status register (base + 5, read-only).
enum class LineStatus : std::uint8_t {
  kDataReady = 1U << 0,
  kOverrunError = 1U << 1,
  kParityError = 1U << 2,
  kFramingError = 1U << 3,
  kBreakInterrupt = 1U << 4,
  kTransmitterHoldingEmpty = 1U << 5,  // A byte may be written to base + 0.
  kTransmitterEmpty = 1U << 6,
  kFifoError = 1U << 7,
};
LIBK_DEFINE_FLAGS(LineStatus, {LineStatus::kDataReady, "DATA_READY"},
                  {LineStatus::kOverrunError, "OVERRUN_ERROR"},
                  {LineStatus::kParityError, "PARITY_ERROR"},
                  {LineStatus::kFramingError, "FRAMING_ERROR"},
                  {LineStatus::kBreakInterrupt, "BREAK_INTERRUPT"},
                  {LineStatus::kTransmitterHoldingEmpty, "TRANSMITTER_HOLDING_EMPTY"},
                  {LineStatus::kTransmitterEmpty, "TRANSMITTER_EMPTY"},
                  {LineStatus::kFifoError, "FIFO_ERROR"});

// A 16550-compatible serial port. Writing never hangs: if the transmitter stays busy for
// too long (a missing or wedged UART) the byte is dropped and counted.
class Uart16550 {
 public:
  // The I/O base of COM1, and how many ports from its base a 16550 decodes.
  static constexpr std::uint16_t kCom1 = 0x3f8;
  static constexpr std::uint16_t kPortCount = 8;

  // Drives the UART whose kPortCount I/O ports are `ports`.
  explicit constexpr Uart16550(const libk::x86_64::PortRange& ports)
      : data_(ports.At<std::uint8_t, libk::x86_64::ReadWrite>(0)),
        divisor_high_(ports.At<std::uint8_t, libk::x86_64::WriteOnly>(1)),
        interrupt_enable_(ports.At<std::uint8_t, libk::x86_64::ReadWrite>(1)),
        fifo_control_(ports.At<std::uint8_t, libk::x86_64::WriteOnly>(2)),
        line_control_(ports.At<std::uint8_t, libk::x86_64::ReadWrite>(3)),
        modem_control_(ports.At<std::uint8_t, libk::x86_64::ReadWrite>(4)),
        line_status_(ports.At<std::uint8_t, libk::x86_64::ReadOnly>(5)) {}

  // Sets 115200 baud, 8 data bits, no parity, one stop bit, FIFOs on, interrupts off.
  void Init();

  // Sends `byte`, waiting (boundedly) for the transmit holding register to empty.
  void WriteByte(std::uint8_t byte);

  // Sends `size` bytes from `data`, verbatim.
  void Write(const char* data, std::size_t size);

  // Makes the UART raise its interrupt when received data waits (the receive FIFO reaches
  // its trigger level, or holds bytes that have waited four characters' time). Reading
  // every waiting byte (TryReadByte until it fails) clears the interrupt.
  void EnableReceiveInterrupt() { interrupt_enable_.Write(InterruptEnable::kReceivedData); }

  // Returns true and stores the next received byte in *byte if one is waiting.
  bool TryReadByte(std::uint8_t* byte);

  // Returns how many bytes were dropped because the transmitter stayed busy.
  std::uint64_t dropped() const { return dropped_; }

 private:
  // Data (and, with DLAB set, the divisor's low byte).
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> data_;
  // The divisor's high byte: the interrupt enable register's port, with DLAB set.
  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> divisor_high_;
  libk::x86_64::FlagsPort<InterruptEnable, libk::x86_64::ReadWrite> interrupt_enable_;
  libk::x86_64::FlagsPort<FifoControl, libk::x86_64::WriteOnly> fifo_control_;
  libk::x86_64::FlagsPort<LineControl, libk::x86_64::ReadWrite> line_control_;
  libk::x86_64::FlagsPort<ModemControl, libk::x86_64::ReadWrite> modem_control_;
  libk::x86_64::FlagsPort<LineStatus, libk::x86_64::ReadOnly> line_status_;
  std::uint64_t dropped_ = 0;
};

}  // namespace kernel::drivers::serial
