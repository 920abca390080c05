// Segment selectors and privilege levels: the 16-bit values loaded into segment registers
// and stored in IDT gates. A selector names a descriptor (index into the GDT or the LDT)
// and carries the requested privilege level.
#pragma once

#include <cstdint>

#include "libk/panic/panic.h"

namespace libk::x86_64 {

// A CPU privilege ring (DPL in descriptors, RPL in selectors, CPL in CS).
enum class PrivilegeLevel : std::uint8_t {
  kRing0 = 0,  // The kernel.
  kRing1 = 1,
  kRing2 = 2,
  kRing3 = 3,  // User space.
};

// The descriptor table a selector indexes (the TI bit).
enum class TableIndicator : std::uint8_t {
  kGdt = 0,
  kLdt = 1,
};

// A segment selector. Layout: bits 0-1 RPL, bit 2 TI, bits 3-15 descriptor index.
// Invariant: every 16-bit value is a valid selector, so FromRaw never fails.
class SegmentSelector {
 public:
  // The largest descriptor index a selector can name (13 bits).
  static constexpr std::uint16_t kMaxIndex = 0x1fff;

  // Creates the null selector (index 0 in the GDT, ring 0).
  constexpr SegmentSelector() = default;

  // Encodes a selector for descriptor `index` of `table`, requested at `rpl`. Panics if
  // `index` exceeds kMaxIndex (a compile error in constant evaluation).
  constexpr SegmentSelector(std::uint16_t index, TableIndicator table, PrivilegeLevel rpl)
      : raw_(static_cast<std::uint16_t>((index << 3) | (static_cast<std::uint16_t>(table) << 2) |
                                        static_cast<std::uint16_t>(rpl))) {
    LIBK_ASSERT(index <= kMaxIndex, "segment selector index exceeds 13 bits");
  }

  // Reinterprets a raw 16-bit selector value.
  static constexpr SegmentSelector FromRaw(std::uint16_t raw) {
    SegmentSelector selector;
    selector.raw_ = raw;
    return selector;
  }

  // Returns the descriptor index (bits 3-15).
  constexpr std::uint16_t index() const { return raw_ >> 3; }
  // Returns the table the index refers to (bit 2).
  constexpr TableIndicator table() const { return static_cast<TableIndicator>((raw_ >> 2) & 1); }
  // Returns the requested privilege level (bits 0-1).
  constexpr PrivilegeLevel rpl() const { return static_cast<PrivilegeLevel>(raw_ & 3); }
  // Returns the value a segment register holds.
  constexpr std::uint16_t raw() const { return raw_; }

  constexpr bool operator==(const SegmentSelector&) const = default;

 private:
  std::uint16_t raw_ = 0;
};

static_assert(sizeof(SegmentSelector) == 2);
static_assert(SegmentSelector(1, TableIndicator::kGdt, PrivilegeLevel::kRing0).raw() == 0x08);
static_assert(SegmentSelector(4, TableIndicator::kGdt, PrivilegeLevel::kRing3).raw() == 0x23);

}  // namespace libk::x86_64
