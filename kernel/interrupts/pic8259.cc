#include "kernel/interrupts/pic8259.h"

namespace kernel::interrupts {
namespace {
constexpr libk::Flags<Icw1> kInitWithIcw4 = Icw1::kInitialize | Icw1::kIcw4Needed;
constexpr libk::Flags<Icw4> kMode8086 = Icw4::k8086Mode;
constexpr std::uint8_t kCascadeIrq = 2;
}  // namespace

void ChainedPics::Wait() const {
  // A write to the unused POST port 0x80 takes long enough for an old PIC to settle.
  wait_port_.Write(0);
}

void ChainedPics::Init() {
  primary_command_.Write(kInitWithIcw4.bits());
  Wait();
  secondary_command_.Write(kInitWithIcw4.bits());
  Wait();
  primary_data_.Write(primary_offset_);
  Wait();
  secondary_data_.Write(secondary_offset_);
  Wait();
  primary_data_.Write(1 << kCascadeIrq);  // The secondary PIC hangs off IRQ 2.
  Wait();
  secondary_data_.Write(kCascadeIrq);  // Its cascade identity.
  Wait();
  primary_data_.Write(kMode8086.bits());
  Wait();
  secondary_data_.Write(kMode8086.bits());
  Wait();
  primary_data_.Write(static_cast<std::uint8_t>(~(1U << kCascadeIrq)));
  secondary_data_.Write(0xff);
}

void ChainedPics::SetMasked(std::uint8_t irq, bool masked) {
  const auto& data = irq < 8 ? primary_data_ : secondary_data_;
  const auto bit = static_cast<std::uint8_t>(1U << (irq % 8));
  const std::uint8_t mask = data.Read();
  data.Write(masked ? static_cast<std::uint8_t>(mask | bit)
                    : static_cast<std::uint8_t>(mask & ~bit));
}

bool ChainedPics::HandlesVector(std::uint8_t vector, std::uint8_t* irq) const {
  if (vector >= primary_offset_ && vector < primary_offset_ + 8) {
    *irq = static_cast<std::uint8_t>(vector - primary_offset_);
    return true;
  }
  if (vector >= secondary_offset_ && vector < secondary_offset_ + 8) {
    *irq = static_cast<std::uint8_t>(vector - secondary_offset_ + 8);
    return true;
  }
  return false;
}

void ChainedPics::EndOfInterrupt(std::uint8_t irq) {
  if (irq >= 8) {
    Send(secondary_command_, PicCommand::kEndOfInterrupt);
  }
  Send(primary_command_, PicCommand::kEndOfInterrupt);
}

std::uint16_t ChainedPics::InService() {
  Send(primary_command_, PicCommand::kReadInServiceRegister);
  Send(secondary_command_, PicCommand::kReadInServiceRegister);
  return static_cast<std::uint16_t>((secondary_command_.Read() << 8) | primary_command_.Read());
}

bool ChainedPics::CheckSpurious(std::uint8_t irq) {
  if (irq != 7 && irq != 15) {
    return false;
  }
  if ((InService() & (1U << irq)) != 0) {
    return false;
  }
  if (irq == 15) {
    Send(primary_command_, PicCommand::kEndOfInterrupt);
  }
  return true;
}

}  // namespace kernel::interrupts
