// The PC's i8042 PS/2 controller, as far as a keyboard on its first port needs it:
// initialisation (ports off, output flushed, translation to scancode set 1 on, self-tests,
// port 1 and its IRQ on, the keyboard told to scan) with every wait bounded, so a missing
// or broken controller yields an error instead of a hang.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/port.h"
#include "libk/flags/flags.h"
#include "libk/result/result.h"

namespace kernel::drivers::ps2 {

// The status register (port 0x64, read).
enum class Status : std::uint8_t {
  kOutputFull = 1U << 0,  // A byte waits in the data port for the CPU.
  kInputFull = 1U << 1,   // The controller has not taken the last byte written to it yet.
  kSystemFlag = 1U << 2,  // Set by firmware once the self-test passed.
  kCommand = 1U << 3,     // The last byte written went to the command port.
  kTimeout = 1U << 6,
  kParityError = 1U << 7,
};
LIBK_DEFINE_FLAGS(Status, {Status::kOutputFull, "OUTPUT_FULL"}, {Status::kInputFull, "INPUT_FULL"},
                  {Status::kSystemFlag, "SYSTEM_FLAG"}, {Status::kCommand, "COMMAND"},
                  {Status::kTimeout, "TIMEOUT"}, {Status::kParityError, "PARITY_ERROR"});

// The controller configuration byte (read with kReadConfig, written with kWriteConfig).
enum class Config : std::uint8_t {
  kPort1Interrupt = 1U << 0,
  kPort2Interrupt = 1U << 1,
  kSystemFlag = 1U << 2,
  kPort1ClockOff = 1U << 4,
  kPort2ClockOff = 1U << 5,
  kTranslation = 1U << 6,  // Scancode set 2 -> set 1.
};
LIBK_DEFINE_FLAGS(Config, {Config::kPort1Interrupt, "PORT1_INTERRUPT"},
                  {Config::kPort2Interrupt, "PORT2_INTERRUPT"},
                  {Config::kSystemFlag, "SYSTEM_FLAG"}, {Config::kPort1ClockOff, "PORT1_CLOCK_OFF"},
                  {Config::kPort2ClockOff, "PORT2_CLOCK_OFF"},
                  {Config::kTranslation, "TRANSLATION"});

// Controller commands (port 0x64, write).
enum class Command : std::uint8_t {
  kReadConfig = 0x20,
  kWriteConfig = 0x60,
  kDisablePort2 = 0xa7,
  kSelfTest = 0xaa,
  kTestPort1 = 0xab,
  kDisablePort1 = 0xad,
  kEnablePort1 = 0xae,
};

class I8042 {
 public:
  // How many status polls a wait may take before it gives up (about a second on real
  // hardware, far less under QEMU).
  static constexpr int kMaxPolls = 1000000;
  // The data port, and the status (read) and command (write) port.
  static constexpr std::uint16_t kDataPort = 0x60;
  static constexpr std::uint16_t kStatusCommandPort = 0x64;

  // Drives the controller whose data port is `data` and whose status and command port is
  // `status_command` (one port each), and the keyboard behind it.
  constexpr I8042(const libk::x86_64::PortRange& data,
                  const libk::x86_64::PortRange& status_command)
      : data_(data.At<std::uint8_t, libk::x86_64::ReadWrite>(0)),
        status_(status_command.At<std::uint8_t, libk::x86_64::ReadOnly>(0)),
        command_(status_command.At<std::uint8_t, libk::x86_64::WriteOnly>(0)) {}

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
  libk::Result<void> Send(Command command) const;
  libk::Result<std::uint8_t> SendWithReply(Command command) const;
  libk::Result<libk::Flags<Config>> ReadConfig() const;
  libk::Result<void> WriteConfig(libk::Flags<Config> config) const;
  libk::Result<void> SendToKeyboard(std::uint8_t byte) const;
  void Flush() const;

  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> data_;
  libk::x86_64::FlagsPort<Status, libk::x86_64::ReadOnly> status_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> command_;
};

}  // namespace kernel::drivers::ps2
