// The PC's i8042 PS/2 controller, as far as a keyboard on its first port needs it:
// initialisation (ports off, output flushed, translation to scancode set 1 on, self-tests,
// port 1 and its IRQ on, the keyboard told to scan) with every wait bounded, so a missing
// or broken controller yields an error instead of a hang.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/port.h"
#include "libk/result/result.h"

namespace kernel::drivers::ps2 {

class I8042 {
 public:
  // How many status polls a wait may take before it gives up (about a second on real
  // hardware, far less under QEMU).
  static constexpr int kMaxPolls = 1000000;

  // Safety: the caller must own the controller (I/O ports 0x60 and 0x64) and the keyboard.
  constexpr I8042() : data_(0x60), status_(0x64), command_(0x64) {}

  // Initialises the controller for a keyboard on port 1 that delivers scancode set 1 on
  // IRQ 1; port 2 (a mouse) stays disabled. Returns kTimedOut if the controller does not
  // answer in time, kMalformed if it answers a self-test or a command with anything but
  // success (or no keyboard acknowledges).
  libk::Result<void> Init() const;

  // Returns the byte the controller holds for the CPU (in the IRQ 1 handler: a scancode).
  std::uint8_t ReadData() const { return data_.Read(); }

 private:
  libk::Result<void> WaitUntilWritable() const;
  libk::Result<void> WaitUntilReadable() const;
  libk::Result<void> Command(std::uint8_t command) const;
  libk::Result<std::uint8_t> CommandWithReply(std::uint8_t command) const;
  libk::Result<void> WriteConfig(std::uint8_t config) const;
  libk::Result<void> SendToKeyboard(std::uint8_t byte) const;
  void Flush() const;

  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> data_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadOnly> status_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> command_;
};

}  // namespace kernel::drivers::ps2
