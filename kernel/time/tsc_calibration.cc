#include "kernel/time/tsc_calibration.h"

#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/port.h"

#include "kernel/time/pit_divisor.h"
#include "kernel/time/tick_rate.h"

namespace kernel::time {
namespace {

namespace x86 = libk::x86_64;

// Port 0x61 bits: channel 2's gate, the speaker enable, and channel 2's output (read).
constexpr std::uint8_t kGate2 = 1U << 0;
constexpr std::uint8_t kSpeaker = 1U << 1;
constexpr std::uint8_t kOut2 = 1U << 5;

// Channel 2, low byte then high byte, mode 0 (interrupt on terminal count), binary.
constexpr std::uint8_t kChannel2OneShot = 0xb0;

// Reads of port 0x61 before giving up on the countdown; a read takes at least ~0.1 us, so
// this is far longer than the longest (54 ms) countdown.
constexpr std::uint32_t kMaxPolls = 100000000;

}  // namespace

libk::Result<std::uint64_t> MeasureTscHz(std::uint32_t milliseconds) {
  if (milliseconds == 0 || milliseconds > 54) return libk::Err(libk::Error::kInvalidArgument);
  const auto counts =
      static_cast<std::uint32_t>(static_cast<std::uint64_t>(kPitInputHz) * milliseconds / 1000);
  // SAFETY: PIT channel 2 (0x42), the PIT command port (0x43) and the speaker/gate bits of
  // 0x61 are used by nothing else in keel; Pit (channel 0) shares only the command port,
  // whose writes each name their channel.
  const x86::Port<std::uint8_t, x86::ReadWrite> control(0x61);
  const x86::Port<std::uint8_t, x86::WriteOnly> channel2(0x42);
  const x86::Port<std::uint8_t, x86::WriteOnly> command(0x43);

  const std::uint8_t saved = control.Read();
  control.Write(static_cast<std::uint8_t>((saved & ~kSpeaker) | kGate2));
  command.Write(kChannel2OneShot);
  channel2.Write(static_cast<std::uint8_t>(counts & 0xff));
  channel2.Write(static_cast<std::uint8_t>(counts >> 8));  // Counting starts now.
  const std::uint64_t start = x86::ReadTimeStampCounter();
  std::uint32_t polls = 0;
  while ((control.Read() & kOut2) == 0 && ++polls < kMaxPolls) {
  }
  const std::uint64_t end = x86::ReadTimeStampCounter();
  control.Write(saved);
  if (polls >= kMaxPolls) return libk::Err(libk::Error::kTimedOut);
  return TscHzFromPitCountdown(end - start, counts);
}

}  // namespace kernel::time
