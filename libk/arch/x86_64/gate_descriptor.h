// IDT gate descriptors: the 16-byte entries that tell the CPU where to go for each vector,
// on which code segment, on which stack (IST) and from which rings `int n` may reach it.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/segment_selector.h"
#include "libk/arch/x86_64/task_state_segment.h"

namespace libk::x86_64 {

// The kind of gate. Interrupt gates clear IF on entry; trap gates leave it unchanged.
enum class GateType : std::uint8_t {
  kInterrupt = 0xe,
  kTrap = 0xf,
};

// The fields of an IDT gate.
struct GateDescription {
  std::uint64_t offset = 0;  // The handler's (entry stub's) address.
  SegmentSelector selector;  // The code segment the handler runs on.
  InterruptStack stack = InterruptStack::kNone;
  GateType type = GateType::kInterrupt;
  PrivilegeLevel dpl = PrivilegeLevel::kRing0;  // The outermost ring that may `int` here.
  bool present = false;

  constexpr bool operator==(const GateDescription&) const = default;
};

// A 64-bit IDT gate, stored as the CPU reads it (Intel SDM vol. 3A, figure 6-8).
// Low word: offset 15:0 | selector | IST (bits 32-34) | type (40-43) 0 DPL(45-46) P(47) |
// offset 31:16. High word: offset 63:32, then reserved zeros.
class GateDescriptor {
 public:
  // Creates a not-present gate: the CPU raises #NP (or #GP) through it.
  constexpr GateDescriptor() = default;

  // Encodes `d`.
  static constexpr GateDescriptor Encode(const GateDescription& d) {
    std::uint64_t low = d.offset & 0xffff;
    low |= static_cast<std::uint64_t>(d.selector.raw()) << 16;
    low |= static_cast<std::uint64_t>(d.stack) << 32;
    low |= static_cast<std::uint64_t>(d.type) << 40;
    low |= static_cast<std::uint64_t>(d.dpl) << 45;
    low |= static_cast<std::uint64_t>(d.present) << 47;
    low |= ((d.offset >> 16) & 0xffff) << 48;
    return FromRaw(low, d.offset >> 32);
  }

  // Reinterprets the two raw words of a gate.
  static constexpr GateDescriptor FromRaw(std::uint64_t low, std::uint64_t high) {
    GateDescriptor gate;
    gate.low_ = low;
    gate.high_ = high;
    return gate;
  }

  // Decodes every field of this gate.
  constexpr GateDescription Decode() const {
    GateDescription d;
    d.offset = (low_ & 0xffff) | (((low_ >> 48) & 0xffff) << 16) | ((high_ & 0xffffffff) << 32);
    d.selector = SegmentSelector::FromRaw(static_cast<std::uint16_t>(low_ >> 16));
    d.stack = static_cast<InterruptStack>((low_ >> 32) & 0x7);
    d.type = static_cast<GateType>((low_ >> 40) & 0xf);
    d.dpl = static_cast<PrivilegeLevel>((low_ >> 45) & 0x3);
    d.present = ((low_ >> 47) & 1) != 0;
    return d;
  }

  // Returns whether the CPU may use this gate.
  constexpr bool present() const { return ((low_ >> 47) & 1) != 0; }
  // Returns the first (low) 8 bytes.
  constexpr std::uint64_t low() const { return low_; }
  // Returns the second (high) 8 bytes.
  constexpr std::uint64_t high() const { return high_; }

  constexpr bool operator==(const GateDescriptor&) const = default;

 private:
  std::uint64_t low_ = 0;
  std::uint64_t high_ = 0;
};

static_assert(sizeof(GateDescriptor) == 16);

// The operand of `lgdt` / `lidt`: the table's limit (size - 1) and linear base address.
struct [[gnu::packed]] DescriptorTablePointer {
  std::uint16_t limit = 0;
  std::uint64_t base = 0;
};

static_assert(sizeof(DescriptorTablePointer) == 10);

}  // namespace libk::x86_64
