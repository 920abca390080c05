// The 16550 UART (COM1 on PCs and in QEMU): line set-up and polled transmission.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/port.h"

namespace kernel::drivers::serial {

// A 16550-compatible serial port at a fixed I/O base. Writing never hangs: if the
// transmitter stays busy for too long (a missing or wedged UART) the byte is dropped
// and counted.
class Uart16550 {
 public:
  // Drives the UART at I/O ports [base, base + 8).
  // Safety: the caller must own that UART (no one else drives it) — see Port.
  explicit constexpr Uart16550(std::uint16_t base)
      : data_(base),
        interrupt_enable_(base + 1),
        fifo_control_(base + 2),
        line_control_(base + 3),
        modem_control_(base + 4),
        line_status_(base + 5) {}

  // Sets 115200 baud, 8 data bits, no parity, one stop bit, FIFOs on, interrupts off.
  void Init();

  // Sends `byte`, waiting (boundedly) for the transmit holding register to empty.
  void WriteByte(std::uint8_t byte);

  // Sends `size` bytes from `data`, verbatim.
  void Write(const char* data, std::size_t size);

  // Returns true and stores the next received byte in *byte if one is waiting.
  bool TryReadByte(std::uint8_t* byte);

  // Returns how many bytes were dropped because the transmitter stayed busy.
  std::uint64_t dropped() const { return dropped_; }

 private:
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> data_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> interrupt_enable_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> fifo_control_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> line_control_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> modem_control_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadOnly> line_status_;
  std::uint64_t dropped_ = 0;
};

}  // namespace kernel::drivers::serial
