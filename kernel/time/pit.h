// The 8253/8254 programmable interval timer: channel 0 in rate-generator mode drives the
// timer interrupt (IRQ 0); channel 2, gated through system control port B (0x61), counts
// down once for measuring the TSC. One Pit object drives every PIT port, the shared
// command port 0x43 included, so no two pieces of code can interleave their commands.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/port.h"
#include "libk/flags/flags.h"

#include "kernel/time/pit_divisor.h"

namespace kernel::time {

// The bits of system control port B (0x61) that belong to PIT channel 2.
enum class PortB : std::uint8_t {
  kChannel2Gate = 1U << 0,    // Channel 2 counts while set.
  kSpeakerEnable = 1U << 1,   // Channel 2's output drives the speaker.
  kChannel2Output = 1U << 5,  // Read-only: channel 2's output.
};
LIBK_DEFINE_FLAGS(PortB, {PortB::kChannel2Gate, "CHANNEL2_GATE"},
                  {PortB::kSpeakerEnable, "SPEAKER_ENABLE"},
                  {PortB::kChannel2Output, "CHANNEL2_OUTPUT"});

class Pit {
 public:
  // The PIT's ports (channels 0-2, then the command port), and system control port B.
  static constexpr std::uint16_t kPorts = 0x40;
  static constexpr std::uint16_t kPortCount = 4;
  static constexpr std::uint16_t kPortB = 0x61;

  // Drives the PIT at `pit` (kPortCount ports) and channel 2's gate in `port_b` (one port).
  constexpr Pit(const libk::x86_64::PortRange& pit, const libk::x86_64::PortRange& port_b)
      : channel0_(pit.At<std::uint8_t, libk::x86_64::WriteOnly>(0)),
        channel2_(pit.At<std::uint8_t, libk::x86_64::WriteOnly>(2)),
        command_(pit.At<std::uint8_t, libk::x86_64::WriteOnly>(3)),
        port_b_(port_b.At<std::uint8_t, libk::x86_64::ReadWrite>(0)) {}

  // Programs channel 0 to interrupt at (about) `hz`; returns the setting used.
  PitSetting SetRate(std::uint32_t hz);

  // Starts channel 2 counting down `counts` periods of the input clock (kPitInputHz) once,
  // with the speaker off. The gate and speaker bits are restored by StopCountdown.
  void StartCountdown(std::uint16_t counts);

  // Returns whether the countdown has reached zero.
  bool CountdownDone() const;

  // Stops channel 2 and restores port B as StartCountdown found it.
  void StopCountdown();

 private:
  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> channel0_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> channel2_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> command_;
  libk::x86_64::FlagsPort<PortB, libk::x86_64::ReadWrite> port_b_;
  libk::Flags<PortB> saved_port_b_;
};

}  // namespace kernel::time
