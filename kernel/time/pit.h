// The 8253/8254 programmable interval timer, channel 0 in rate-generator mode: the timer
// interrupt (IRQ 0) at a configurable rate.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/port.h"

#include "kernel/time/pit_divisor.h"

namespace kernel::time {

class Pit {
 public:
  // Safety: the caller must own the PIT (I/O ports 0x40 and 0x43).
  constexpr Pit() : channel0_(0x40), command_(0x43) {}

  // Programs channel 0 to interrupt at (about) `hz`; returns the setting used.
  PitSetting SetRate(std::uint32_t hz);

 private:
  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> channel0_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> command_;
};

}  // namespace kernel::time
