// The 64-bit Task State Segment: not used for task switching in long mode, only for the
// stacks the CPU switches to on a privilege change (RSP0-2) and the Interrupt Stack Table
// (IST1-7) that gives faults like #DF a known-good stack.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/segment_selector.h"
#include "libk/panic/panic.h"

namespace libk::x86_64 {

// Which stack the CPU switches to on an interrupt (the 3-bit IST field of a gate):
// kNone keeps the current stack (or RSPn on a privilege change), kIstN uses ist[N-1].
enum class InterruptStack : std::uint8_t {
  kNone = 0,
  kIst1 = 1,
  kIst2 = 2,
  kIst3 = 3,
  kIst4 = 4,
  kIst5 = 5,
  kIst6 = 6,
  kIst7 = 7,
};

// The hardware TSS, byte for byte (Intel SDM vol. 3A, figure 8-11). The 8-byte fields are
// misaligned (offset 4), so the struct is packed; use the accessors, not member addresses.
struct [[gnu::packed]] TaskStateSegment {
  std::uint32_t reserved0 = 0;
  std::uint64_t rsp[3] = {};  // Stack tops for a switch to ring 0, 1, 2.
  std::uint64_t reserved1 = 0;
  std::uint64_t ist[7] = {};  // Stack tops for IST1..IST7.
  std::uint64_t reserved2 = 0;
  std::uint16_t reserved3 = 0;
  // Offset of the I/O permission bitmap; at or past the limit means "no bitmap", so every
  // user-mode port access faults.
  std::uint16_t iomap_base = kNoIoBitmap;

  static constexpr std::uint16_t kNoIoBitmap = 104;

  // Sets the stack top the CPU loads when an interrupt enters `level` from an outer ring.
  constexpr void SetPrivilegeStack(PrivilegeLevel level, std::uint64_t top) {
    LIBK_ASSERT(level != PrivilegeLevel::kRing3, "ring 3 has no privilege stack");
    rsp[static_cast<int>(level)] = top;
  }

  // Returns the stack top for entering `level`.
  constexpr std::uint64_t PrivilegeStack(PrivilegeLevel level) const {
    LIBK_ASSERT(level != PrivilegeLevel::kRing3, "ring 3 has no privilege stack");
    return rsp[static_cast<int>(level)];
  }

  // Sets the stack top for gates that name `stack`.
  constexpr void SetInterruptStack(InterruptStack stack, std::uint64_t top) {
    LIBK_ASSERT(stack != InterruptStack::kNone, "kNone names no IST slot");
    ist[static_cast<int>(stack) - 1] = top;
  }

  // Returns the stack top for gates that name `stack`.
  constexpr std::uint64_t GetInterruptStack(InterruptStack stack) const {
    LIBK_ASSERT(stack != InterruptStack::kNone, "kNone names no IST slot");
    return ist[static_cast<int>(stack) - 1];
  }
};

static_assert(sizeof(TaskStateSegment) == 104);
static_assert(offsetof(TaskStateSegment, rsp) == 0x04);  // RSP0
static_assert(offsetof(TaskStateSegment, ist) == 0x24);  // IST1
static_assert(offsetof(TaskStateSegment, iomap_base) == 0x66);

}  // namespace libk::x86_64
