// Where the kernel stacks are: the .stacks section of boot/linker.ld holds boot::kStackCount
// slots, each an unmapped guard page followed by the stack. Pure arithmetic over the
// section's start address, so the IST set-up and the fault reports are host-tested.
#pragma once

#include <cstdint>

#include "libk/result/optional.h"

#include "boot/boot_constants.h"

namespace kernel::interrupts {

// One slot of the .stacks section, as addresses: [guard, bottom) is the guard page and
// [bottom, top) the stack, which grows down from `top`.
struct StackRegion {
  std::uint64_t guard;
  std::uint64_t bottom;
  std::uint64_t top;

  constexpr bool operator==(const StackRegion&) const = default;
};

// Where an address lies among the stack slots.
struct StackLocation {
  boot::StackSlot slot;
  bool in_guard_page;  // In the slot's guard page rather than on its stack.

  constexpr bool operator==(const StackLocation&) const = default;
};

// The stack slots of a .stacks section that starts at `start`. Invariant: `start` is
// page-aligned, so every stack top is 16-byte aligned as the ABI wants.
class StackLayout {
 public:
  // Panics if `start` is not page-aligned or the section would wrap around.
  constexpr explicit StackLayout(std::uint64_t start) : start_(start) {
    LIBK_ASSERT(start % boot::kPageBytes == 0, "the stacks must be page-aligned");
    LIBK_ASSERT(start <= ~std::uint64_t{0} - boot::kStackCount * boot::kStackSlotBytes,
                "the stacks wrap around the address space");
  }

  // Returns the addresses of `slot`.
  constexpr StackRegion Region(boot::StackSlot slot) const {
    const std::uint64_t guard = start_ + (static_cast<std::uint64_t>(slot) * boot::kStackSlotBytes);
    return {guard, guard + boot::kPageBytes, guard + boot::kStackSlotBytes};
  }

  // Returns the slot whose guard page or stack contains `address`, if any.
  constexpr libk::Optional<StackLocation> Locate(std::uint64_t address) const {
    if (address < start_ || address - start_ >= boot::kStackCount * boot::kStackSlotBytes) {
      return libk::kNone;
    }
    const std::uint64_t offset = address - start_;
    const auto slot = static_cast<boot::StackSlot>(offset / boot::kStackSlotBytes);
    return StackLocation{slot, offset % boot::kStackSlotBytes < boot::kPageBytes};
  }

  // Returns the first address past the last slot.
  constexpr std::uint64_t end() const {
    return start_ + (boot::kStackCount * boot::kStackSlotBytes);
  }

 private:
  std::uint64_t start_;
};

// Returns a name for `slot`, e.g. "double-fault stack".
constexpr const char* StackSlotName(boot::StackSlot slot) {
  switch (slot) {
    case boot::StackSlot::kBoot:
      return "boot stack";
    case boot::StackSlot::kDoubleFault:
      return "double-fault stack";
    case boot::StackSlot::kNonMaskableInterrupt:
      return "NMI stack";
    case boot::StackSlot::kMachineCheck:
      return "machine-check stack";
  }
  return "unknown stack";
}

}  // namespace kernel::interrupts
