// The two cascaded 8259 programmable interrupt controllers of the PC: remapping their
// IRQs away from the CPU exception vectors, masking, end-of-interrupt, and telling
// spurious IRQ 7 / IRQ 15 apart from real ones.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/port.h"

namespace kernel::interrupts {

class ChainedPics {
 public:
  // IRQ 0..7 go to vectors [primary_offset, +8), IRQ 8..15 to [secondary_offset, +8).
  // Safety: the caller must own both PICs (I/O ports 0x20, 0x21, 0xa0, 0xa1).
  constexpr ChainedPics(std::uint8_t primary_offset, std::uint8_t secondary_offset)
      : primary_offset_(primary_offset),
        secondary_offset_(secondary_offset),
        primary_command_(0x20),
        primary_data_(0x21),
        secondary_command_(0xa0),
        secondary_data_(0xa1),
        wait_port_(0x80) {}

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
  // this function sends that itself.
  bool CheckSpurious(std::uint8_t irq);

  // Returns how many spurious IRQs were seen.
  std::uint64_t spurious_count() const { return spurious_count_; }

 private:
  std::uint16_t InService();
  void Wait() const;

  std::uint8_t primary_offset_;
  std::uint8_t secondary_offset_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> primary_command_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> primary_data_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> secondary_command_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::ReadWrite> secondary_data_;
  libk::x86_64::Port<std::uint8_t, libk::x86_64::WriteOnly> wait_port_;
  std::uint64_t spurious_count_ = 0;
};

}  // namespace kernel::interrupts
