#include "kernel/time/pit.h"

namespace kernel::time {
namespace {
// Channel 0, low byte then high byte, mode 2 (rate generator), binary.
constexpr std::uint8_t kChannel0RateGenerator = 0x34;
}  // namespace

PitSetting Pit::SetRate(std::uint32_t hz) {
  const PitSetting setting = PitSettingFor(hz);
  command_.Write(kChannel0RateGenerator);
  channel0_.Write(static_cast<std::uint8_t>(setting.reload & 0xff));
  channel0_.Write(static_cast<std::uint8_t>(setting.reload >> 8));
  return setting;
}

}  // namespace kernel::time
