#include "kernel/time/tsc_calibration.h"

#include "libk/arch/x86_64/cpu.h"

#include "kernel/time/pit_divisor.h"
#include "kernel/time/system_pit.h"
#include "kernel/time/tick_rate.h"

namespace kernel::time {
namespace {

// Reads of port B before giving up on the countdown; a read takes at least ~0.1 us, so
// this is far longer than the longest (54 ms) countdown.
constexpr std::uint32_t kMaxPolls = 100000000;

}  // namespace

libk::Result<std::uint64_t> MeasureTscHz(std::uint32_t milliseconds) {
  if (milliseconds == 0 || milliseconds > 54) return libk::Err(libk::Error::kInvalidArgument);
  const auto counts =
      static_cast<std::uint16_t>(static_cast<std::uint64_t>(kPitInputHz) * milliseconds / 1000);
  auto pit = internal::SystemPit().Lock();
  pit->StartCountdown(counts);
  const std::uint64_t start = libk::x86_64::ReadTimeStampCounter();
  std::uint32_t polls = 0;
  while (!pit->CountdownDone() && ++polls < kMaxPolls) {
  }
  const std::uint64_t end = libk::x86_64::ReadTimeStampCounter();
  pit->StopCountdown();
  if (polls >= kMaxPolls) return libk::Err(libk::Error::kTimedOut);
  return TscHzFromPitCountdown(end - start, counts);
}

}  // namespace kernel::time
