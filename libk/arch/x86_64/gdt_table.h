// An in-memory Global Descriptor Table: append descriptors, get their selectors back.
// Building the table is pure; loading it (`lgdt`, `ltr`, reloading segment registers)
// belongs to the unsafe layer.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/segment_descriptor.h"
#include "libk/arch/x86_64/segment_selector.h"
#include "libk/panic/panic.h"

namespace libk::x86_64 {

// A GDT of `kSlots` 8-byte slots. Slot 0 is the null descriptor; a system descriptor
// (TSS) takes two slots. Invariant: slots at or past size() are zero.
template <int kSlots>
class GdtTable {
  static_assert(kSlots >= 1 && kSlots <= SegmentSelector::kMaxIndex + 1);

 public:
  constexpr GdtTable() = default;

  // Appends `descriptor` and returns a selector for it whose RPL is the descriptor's DPL.
  // Panics if the table is full.
  constexpr SegmentSelector Append(SegmentDescriptor descriptor) {
    LIBK_ASSERT(size_ + 1 <= kSlots, "GDT full");
    const int index = size_++;
    slots_[index] = descriptor.raw();
    return SelectorFor(index, descriptor.Decode().dpl);
  }

  // Appends a 16-byte system descriptor in two slots and returns its selector.
  // Panics if the table has no two free slots.
  constexpr SegmentSelector Append(SystemSegmentDescriptor descriptor) {
    LIBK_ASSERT(size_ + 2 <= kSlots, "GDT full");
    const int index = size_;
    slots_[size_++] = descriptor.low();
    slots_[size_++] = descriptor.high();
    return SelectorFor(index, descriptor.Decode().dpl);
  }

  // Returns the number of slots in use, the null descriptor included.
  constexpr int size() const { return size_; }
  // Returns the `lgdt` limit: the size in bytes of the slots in use, minus one.
  constexpr std::uint16_t limit() const { return static_cast<std::uint16_t>((size_ * 8) - 1); }
  // Returns slot `index` as raw bits.
  constexpr std::uint64_t slot(int index) const {
    LIBK_ASSERT(index >= 0 && index < kSlots, "GDT slot out of range");
    return slots_[index];
  }
  // Returns the hardware table, whose address `lgdt` takes.
  constexpr const std::uint64_t (&slots() const)[kSlots] { return slots_; }

 private:
  static constexpr SegmentSelector SelectorFor(int index, PrivilegeLevel dpl) {
    return SegmentSelector(static_cast<std::uint16_t>(index), TableIndicator::kGdt, dpl);
  }

  alignas(8) std::uint64_t slots_[kSlots] = {};
  int size_ = 1;
};

}  // namespace libk::x86_64
