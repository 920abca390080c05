// The two cascaded 8259 programmable interrupt controllers of the PC: remapping their
// IRQs away from the CPU exception vectors, masking, end-of-interrupt, and telling
// spurious IRQ 7 / IRQ 15 apart from real ones. The initialization words are Flags and the
// operation commands an enum (8259A data sheet).
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/port.h"
#include "libk/flags/flags.h"

namespace kernel::interrupts {

// Initialization command word 1 (command port): starts the initialization sequence.
enum class Icw1 : std::uint8_t {
  kIcw4Needed = 1U << 0,
  kSingle = 1U << 1,  // No cascade (clear: ICW3 follows).
  kInterval4 = 1U << 2,
  kLevelTriggered = 1U << 3,
  kInitialize = 1U << 4,
};
LIBK_DEFINE_FLAGS(Icw1, {Icw1::kIcw4Needed, "ICW4_NEEDED"}, {Icw1::kSingle, "SINGLE"},
                  {Icw1::kInterval4, "INTERVAL4"}, {Icw1::kLevelTriggered, "LEVEL_TRIGGERED"},
                  {Icw1::kInitialize, "INITIALIZE"});

// Initialization command word 4 (data port, last word of the sequence).
enum class Icw4 : std::uint8_t {
  k8086Mode = 1U << 0,
  kAutoEndOfInterrupt = 1U << 1,
  kBufferedPrimary = 1U << 2,
  kBuffered = 1U << 3,
  kSpecialFullyNested = 1U << 4,
};
LIBK_DEFINE_FLAGS(Icw4, {Icw4::k8086Mode, "8086_MODE"},
                  {Icw4::kAutoEndOfInterrupt, "AUTO_END_OF_INTERRUPT"},
                  {Icw4::kBufferedPrimary, "BUFFERED_PRIMARY"}, {Icw4::kBuffered, "BUFFERED"},
                  {Icw4::kSpecialFullyNested, "SPECIAL_FULLY_NESTED"});

// Operation commands (command port, after initialization).
enum class PicCommand : std::uint8_t {
  kEndOfInterrupt = 0x20,         // OCW2: non-specific end of interrupt.
  kReadInServiceRegister = 0x0b,  // OCW3: the next command-port read returns the ISR.
};

class ChainedPics {
 public:
  // The I/O ports of the primary and the secondary PIC (command, then data), and the
  // unused POST port whose writes give an old PIC time to settle.
  static constexpr std::uint16_t kPrimaryPorts = 0x20;
  static constexpr std::uint16_t kSecondaryPorts = 0xa0;
  static constexpr std::uint16_t kWaitPort = 0x80;

  // Drives the PICs at `primary` and `secondary` (two ports each) and uses `wait` (one
  // port) for delays. IRQ 0..7 go to vectors [primary_offset, +8), IRQ 8..15 to
  // [secondary_offset, +8).
  constexpr ChainedPics(const libk::x86_64::PortRange& primary,
                        const libk::x86_64::PortRange& secondary,
                        const libk::x86_64::PortRange& wait, std::uint8_t primary_offset,
                        std::uint8_t secondary_offset)
      : primary_offset_(primary_offset),
        secondary_offset_(secondary_offset),
        primary_command_(primary.At<std::uint8_t, libk::x86_64::ReadWrite>(0)),
        primary_data_(primary.At<std::uint8_t, libk::x86_64::ReadWrite>(1)),
        secondary_command_(secondary.At<std::uint8_t, libk::x86_64::ReadWrite>(0)),
        secondary_data_(secondary.At<std::uint8_t, libk::x86_64::ReadWrite>(1)),
        wait_port_(wait.At<std::uint8_t, libk::x86_64::WriteOnly>(0)) {}

  // Reprograms both PICs with the offsets and masks every IRQ but the cascade (IRQ 2).
  void Init();

  // Enables or disables delivery of `irq` (0..15).
  void SetMasked(std::uint8_t irq, bool masked);

  // Returns the interrupt vector of `irq`.
  std::uint8_t VectorOf(std::uint8_t irq) const {
    return irq < 8 ? static_cast<std::uint8_t>(primary_offset_ + irq)
                   : static_cast<std::uint8_t>(secondary_offset_ + irq - 8);
  }

  // Returns whether `vector` is one of the 16 PIC vectors; sets *irq if so.
  bool HandlesVector(std::uint8_t vector, std::uint8_t* irq) const;

  // Acknowledges `irq` so that the PIC delivers the next one.
  void EndOfInterrupt(std::uint8_t irq);

  // Returns true if `irq` (7 or 15) is spurious: the PIC raised it, but no IRQ is in
  // service. A spurious IRQ must not be acknowledged at its own PIC, but a spurious IRQ 15
  // still needs an end-of-interrupt at the primary PIC (the cascade line was real);
  // this function sends that itself. The caller counts it.
  bool CheckSpurious(std::uint8_t irq);

 private:
  using CommandPort = libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite>;

  static void Send(const CommandPort& port, PicCommand command) {
    port.Write(static_cast<std::uint8_t>(command));
  }
  std::uint16_t InService();
  void Wait() const;

  std::uint8_t primary_offset_;
  std::uint8_t secondary_offset_;
  CommandPort primary_command_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> primary_data_;
  CommandPort secondary_command_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> secondary_data_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> wait_port_;
};

}  // namespace kernel::interrupts
