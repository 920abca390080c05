#include "kernel/drivers/ps2/i8042.h"

#include "libk/arch/x86_64/cpu.h"

namespace kernel::drivers::ps2 {
namespace {

// Status register bits.
constexpr std::uint8_t kOutputFull = 1U << 0;  // A byte waits in the data port for the CPU.
constexpr std::uint8_t kInputFull = 1U << 1;   // The controller has not taken our last byte.

// Controller commands.
constexpr std::uint8_t kReadConfig = 0x20;
constexpr std::uint8_t kWriteConfig = 0x60;
constexpr std::uint8_t kDisablePort2 = 0xa7;
constexpr std::uint8_t kSelfTest = 0xaa;
constexpr std::uint8_t kTestPort1 = 0xab;
constexpr std::uint8_t kDisablePort1 = 0xad;
constexpr std::uint8_t kEnablePort1 = 0xae;

constexpr std::uint8_t kSelfTestPassed = 0x55;
constexpr std::uint8_t kPortTestPassed = 0x00;

// Configuration byte bits.
constexpr std::uint8_t kPort1Interrupt = 1U << 0;
constexpr std::uint8_t kPort2Interrupt = 1U << 1;
constexpr std::uint8_t kPort1ClockOff = 1U << 4;
constexpr std::uint8_t kTranslation = 1U << 6;  // Scancode set 2 -> set 1.

// Keyboard commands and replies.
constexpr std::uint8_t kEnableScanning = 0xf4;
constexpr std::uint8_t kAck = 0xfa;
constexpr std::uint8_t kResend = 0xfe;
constexpr int kKeyboardAttempts = 3;

// The most bytes a flush drops: the controller buffers one, a keyboard a few more.
constexpr int kMaxFlush = 32;

}  // namespace

libk::Result<void> I8042::WaitUntilWritable() const {
  for (int i = 0; i < kMaxPolls; ++i) {
    if ((status_.Read() & kInputFull) == 0) return libk::Ok();
    libk::x86_64::SpinLoopHint();
  }
  return libk::Err(libk::Error::kTimedOut);
}

libk::Result<void> I8042::WaitUntilReadable() const {
  for (int i = 0; i < kMaxPolls; ++i) {
    if ((status_.Read() & kOutputFull) != 0) return libk::Ok();
    libk::x86_64::SpinLoopHint();
  }
  return libk::Err(libk::Error::kTimedOut);
}

libk::Result<void> I8042::Command(std::uint8_t command) const {
  LIBK_TRY(WaitUntilWritable());
  command_.Write(command);
  return libk::Ok();
}

libk::Result<std::uint8_t> I8042::CommandWithReply(std::uint8_t command) const {
  LIBK_TRY(Command(command));
  LIBK_TRY(WaitUntilReadable());
  return data_.Read();
}

libk::Result<void> I8042::WriteConfig(std::uint8_t config) const {
  LIBK_TRY(Command(kWriteConfig));
  LIBK_TRY(WaitUntilWritable());
  data_.Write(config);
  return libk::Ok();
}

libk::Result<void> I8042::SendToKeyboard(std::uint8_t byte) const {
  for (int attempt = 0; attempt < kKeyboardAttempts; ++attempt) {
    LIBK_TRY(WaitUntilWritable());
    data_.Write(byte);
    LIBK_TRY(WaitUntilReadable());
    const std::uint8_t reply = data_.Read();
    if (reply == kAck) return libk::Ok();
    if (reply != kResend) break;
  }
  return libk::Err(libk::Error::kMalformed);
}

void I8042::Flush() const {
  for (int i = 0; i < kMaxFlush && (status_.Read() & kOutputFull) != 0; ++i) {
    data_.Read();
  }
}

libk::Result<void> I8042::Init() const {
  // Quiet: no port may send while the controller is being set up.
  LIBK_TRY(Command(kDisablePort1));
  LIBK_TRY(Command(kDisablePort2));
  Flush();

  std::uint8_t config = LIBK_TRY(CommandWithReply(kReadConfig));
  config = static_cast<std::uint8_t>((config & ~(kPort1Interrupt | kPort2Interrupt)) |
                                     kTranslation | kPort1ClockOff);
  LIBK_TRY(WriteConfig(config));

  if (LIBK_TRY(CommandWithReply(kSelfTest)) != kSelfTestPassed) {
    return libk::Err(libk::Error::kMalformed);
  }
  // Some controllers reset their configuration during the self-test.
  LIBK_TRY(WriteConfig(config));
  if (LIBK_TRY(CommandWithReply(kTestPort1)) != kPortTestPassed) {
    return libk::Err(libk::Error::kMalformed);
  }

  // Port 1 on, still without its interrupt: the keyboard's acknowledgement is polled.
  LIBK_TRY(Command(kEnablePort1));
  config = static_cast<std::uint8_t>(config & ~kPort1ClockOff);
  LIBK_TRY(WriteConfig(config));
  LIBK_TRY(SendToKeyboard(kEnableScanning));
  Flush();
  return WriteConfig(static_cast<std::uint8_t>(config | kPort1Interrupt));
}

}  // namespace kernel::drivers::ps2
