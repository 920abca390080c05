// Choosing the 8253/8254 PIT's divisor for a requested interrupt rate (pure, host-tested).
#pragma once

#include <cstdint>

namespace kernel::time {

// The PIT's input clock in Hz.
inline constexpr std::uint32_t kPitInputHz = 1193182;

// The divisor and the rate it really gives.
struct PitSetting {
  std::uint16_t reload;  // 0 means 65536.
  std::uint32_t actual_millihertz;
};

// Returns the reload value nearest to `hz`, clamped to what the PIT can do (about 18.2 Hz
// to 1.19 MHz; reload 1 is not allowed in rate-generator mode, so the top is ~596 kHz).
constexpr PitSetting PitSettingFor(std::uint32_t hz) {
  if (hz == 0) {
    hz = 1;
  }
  std::uint64_t divisor = (static_cast<std::uint64_t>(kPitInputHz) + hz / 2) / hz;
  if (divisor < 2) {
    divisor = 2;
  }
  if (divisor > 65536) {
    divisor = 65536;
  }
  const auto millihertz = static_cast<std::uint32_t>(
      (static_cast<std::uint64_t>(kPitInputHz) * 1000 + divisor / 2) / divisor);
  return PitSetting{static_cast<std::uint16_t>(divisor & 0xffff), millihertz};
}

}  // namespace kernel::time
