#include "kernel/time/pit.h"

namespace kernel::time {
namespace {
// Channel 0, low byte then high byte, mode 2 (rate generator), binary.
constexpr std::uint8_t kChannel0RateGenerator = 0x34;
// Channel 2, low byte then high byte, mode 0 (interrupt on terminal count), binary.
constexpr std::uint8_t kChannel2OneShot = 0xb0;
}  // namespace

PitSetting Pit::SetRate(std::uint32_t hz) {
  const PitSetting setting = PitSettingFor(hz);
  command_.Write(kChannel0RateGenerator);
  channel0_.Write(static_cast<std::uint8_t>(setting.reload & 0xff));
  channel0_.Write(static_cast<std::uint8_t>(setting.reload >> 8));
  return setting;
}

void Pit::StartCountdown(std::uint16_t counts) {
  saved_port_b_ = port_b_.Read();
  port_b_.Write((saved_port_b_ - PortB::kSpeakerEnable) | PortB::kChannel2Gate);
  command_.Write(kChannel2OneShot);
  channel2_.Write(static_cast<std::uint8_t>(counts & 0xff));
  channel2_.Write(static_cast<std::uint8_t>(counts >> 8));  // Counting starts now.
}

bool Pit::CountdownDone() const { return port_b_.Read().Contains(PortB::kChannel2Output); }

void Pit::StopCountdown() { port_b_.Write(saved_port_b_); }

}  // namespace kernel::time
