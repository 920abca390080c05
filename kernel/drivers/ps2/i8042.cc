#include "kernel/drivers/ps2/i8042.h"

#include "libk/arch/x86_64/cpu.h"

namespace kernel::drivers::ps2 {
namespace {

constexpr std::uint8_t kSelfTestPassed = 0x55;
constexpr std::uint8_t kPortTestPassed = 0x00;

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
    if (!status_.Read().Contains(Status::kInputFull)) return libk::Ok();
    libk::x86_64::SpinLoopHint();
  }
  return libk::Err(libk::Error::kTimedOut);
}

libk::Result<void> I8042::WaitUntilReadable() const {
  for (int i = 0; i < kMaxPolls; ++i) {
    if (status_.Read().Contains(Status::kOutputFull)) return libk::Ok();
    libk::x86_64::SpinLoopHint();
  }
  return libk::Err(libk::Error::kTimedOut);
}

libk::Result<void> I8042::Send(Command command) const {
  LIBK_TRY(WaitUntilWritable());
  command_.Write(static_cast<std::uint8_t>(command));
  return libk::Ok();
}

libk::Result<std::uint8_t> I8042::SendWithReply(Command command) const {
  LIBK_TRY(Send(command));
  LIBK_TRY(WaitUntilReadable());
  return data_.Read();
}

libk::Result<libk::Flags<Config>> I8042::ReadConfig() const {
  return libk::Flags<Config>::FromBitsRetain(LIBK_TRY(SendWithReply(Command::kReadConfig)));
}

libk::Result<void> I8042::WriteConfig(libk::Flags<Config> config) const {
  LIBK_TRY(Send(Command::kWriteConfig));
  LIBK_TRY(WaitUntilWritable());
  data_.Write(config.bits());
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
  for (int i = 0; i < kMaxFlush && status_.Read().Contains(Status::kOutputFull); ++i) {
    data_.Read();
  }
}

libk::Result<void> I8042::Init() const {
  // Quiet: no port may send while the controller is being set up.
  LIBK_TRY(Send(Command::kDisablePort1));
  LIBK_TRY(Send(Command::kDisablePort2));
  Flush();

  libk::Flags<Config> config = LIBK_TRY(ReadConfig());
  config.Remove(Config::kPort1Interrupt | Config::kPort2Interrupt);
  config.Insert(Config::kTranslation | Config::kPort1ClockOff);
  LIBK_TRY(WriteConfig(config));

  if (LIBK_TRY(SendWithReply(Command::kSelfTest)) != kSelfTestPassed) {
    return libk::Err(libk::Error::kMalformed);
  }
  // Some controllers reset their configuration during the self-test.
  LIBK_TRY(WriteConfig(config));
  if (LIBK_TRY(SendWithReply(Command::kTestPort1)) != kPortTestPassed) {
    return libk::Err(libk::Error::kMalformed);
  }

  // Port 1 on, still without its interrupt: the keyboard's acknowledgement is polled.
  LIBK_TRY(Send(Command::kEnablePort1));
  config.Remove(Config::kPort1ClockOff);
  LIBK_TRY(WriteConfig(config));
  LIBK_TRY(SendToKeyboard(kEnableScanning));
  Flush();
  return WriteConfig(config | Config::kPort1Interrupt);
}

}  // namespace kernel::drivers::ps2
