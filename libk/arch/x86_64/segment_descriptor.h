// GDT entries: 8-byte code/data segment descriptors and the 16-byte system descriptors
// (TSS, LDT) of long mode, each with a structured description that encodes to the exact
// hardware bits and decodes back.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/segment_selector.h"
#include "libk/panic/panic.h"

namespace libk::x86_64 {

// The fields of a code or data segment descriptor. In 64-bit mode the CPU ignores base and
// limit of code/data segments, but they are kept so that every descriptor round-trips.
struct SegmentDescription {
  std::uint32_t base = 0;
  std::uint32_t limit = 0;              // 20 bits; in 4 KiB units when `granularity` is set.
  bool accessed = false;                // Type bit 0: set by the CPU on load.
  bool readable_writable = false;       // Type bit 1: readable code / writable data.
  bool conforming_expand_down = false;  // Type bit 2: conforming code / expand-down data.
  bool executable = false;              // Type bit 3: code rather than data.
  bool code_or_data = false;            // S: false only for system descriptors and null.
  PrivilegeLevel dpl = PrivilegeLevel::kRing0;
  bool present = false;
  bool available = false;     // AVL: free for software.
  bool long_mode = false;     // L: 64-bit code segment.
  bool default_size = false;  // D/B: 32-bit default operand size; must be clear with L.
  bool granularity = false;   // G: limit counts 4 KiB units.

  constexpr bool operator==(const SegmentDescription&) const = default;
};

// An 8-byte GDT code or data segment descriptor, stored as the CPU reads it.
// Layout: limit 15:0 | base 23:0 | type(4) S DPL(2) P | limit 19:16 | AVL L D/B G | base 31:24.
class SegmentDescriptor {
 public:
  // Creates the null descriptor (GDT entry 0).
  constexpr SegmentDescriptor() = default;

  // Encodes `d`. Panics if the limit exceeds 20 bits, if L and D/B are both set (reserved),
  // or if L is set on a data segment.
  static constexpr SegmentDescriptor Encode(const SegmentDescription& d) {
    LIBK_ASSERT(d.limit <= 0xfffff, "segment limit exceeds 20 bits");
    LIBK_ASSERT(!(d.long_mode && d.default_size), "L and D/B are both set");
    LIBK_ASSERT(!d.long_mode || d.executable, "L is set on a data segment");
    const std::uint64_t type = (d.accessed ? 1U : 0U) | (d.readable_writable ? 2U : 0U) |
                               (d.conforming_expand_down ? 4U : 0U) | (d.executable ? 8U : 0U);
    std::uint64_t raw = d.limit & 0xffff;
    raw |= static_cast<std::uint64_t>(d.base & 0xffffff) << 16;
    raw |= type << 40;
    raw |= static_cast<std::uint64_t>(d.code_or_data) << 44;
    raw |= static_cast<std::uint64_t>(d.dpl) << 45;
    raw |= static_cast<std::uint64_t>(d.present) << 47;
    raw |= static_cast<std::uint64_t>(d.limit >> 16) << 48;
    raw |= static_cast<std::uint64_t>(d.available) << 52;
    raw |= static_cast<std::uint64_t>(d.long_mode) << 53;
    raw |= static_cast<std::uint64_t>(d.default_size) << 54;
    raw |= static_cast<std::uint64_t>(d.granularity) << 55;
    raw |= static_cast<std::uint64_t>(d.base >> 24) << 56;
    return FromRaw(raw);
  }

  // Reinterprets a raw 8-byte descriptor.
  static constexpr SegmentDescriptor FromRaw(std::uint64_t raw) {
    SegmentDescriptor descriptor;
    descriptor.raw_ = raw;
    return descriptor;
  }

  // Decodes every field of this descriptor.
  constexpr SegmentDescription Decode() const {
    SegmentDescription d;
    d.limit = static_cast<std::uint32_t>((raw_ & 0xffff) | (Bits(48, 4) << 16));
    d.base = static_cast<std::uint32_t>(Bits(16, 24) | (Bits(56, 8) << 24));
    d.accessed = Bits(40, 1) != 0;
    d.readable_writable = Bits(41, 1) != 0;
    d.conforming_expand_down = Bits(42, 1) != 0;
    d.executable = Bits(43, 1) != 0;
    d.code_or_data = Bits(44, 1) != 0;
    d.dpl = static_cast<PrivilegeLevel>(Bits(45, 2));
    d.present = Bits(47, 1) != 0;
    d.available = Bits(52, 1) != 0;
    d.long_mode = Bits(53, 1) != 0;
    d.default_size = Bits(54, 1) != 0;
    d.granularity = Bits(55, 1) != 0;
    return d;
  }

  // Returns a flat 64-bit code segment for `dpl` (ring 0: 0x00af9a000000ffff).
  static constexpr SegmentDescriptor Code64(PrivilegeLevel dpl) {
    return Encode({.limit = 0xfffff,
                   .readable_writable = true,
                   .executable = true,
                   .code_or_data = true,
                   .dpl = dpl,
                   .present = true,
                   .long_mode = true,
                   .granularity = true});
  }

  // Returns a flat writable data segment for `dpl` (ring 0: 0x00cf92000000ffff).
  static constexpr SegmentDescriptor Data(PrivilegeLevel dpl) {
    return Encode({.limit = 0xfffff,
                   .readable_writable = true,
                   .code_or_data = true,
                   .dpl = dpl,
                   .present = true,
                   .default_size = true,
                   .granularity = true});
  }

  static constexpr SegmentDescriptor KernelCode64() { return Code64(PrivilegeLevel::kRing0); }
  static constexpr SegmentDescriptor KernelData() { return Data(PrivilegeLevel::kRing0); }
  static constexpr SegmentDescriptor UserCode64() { return Code64(PrivilegeLevel::kRing3); }
  static constexpr SegmentDescriptor UserData() { return Data(PrivilegeLevel::kRing3); }

  // Returns the 8 bytes as one little-endian word.
  constexpr std::uint64_t raw() const { return raw_; }

  constexpr bool operator==(const SegmentDescriptor&) const = default;

 private:
  constexpr std::uint64_t Bits(int shift, int width) const {
    return (raw_ >> shift) & ((std::uint64_t{1} << width) - 1);
  }

  std::uint64_t raw_ = 0;
};

static_assert(sizeof(SegmentDescriptor) == 8);
static_assert(alignof(SegmentDescriptor) == 8);

// The system descriptor types that long mode still has.
enum class SystemSegmentType : std::uint8_t {
  kLdt = 0x2,
  kTssAvailable = 0x9,
  kTssBusy = 0xb,  // Set by the CPU on `ltr`; loading a busy TSS faults.
};

// The fields of a 16-byte system segment descriptor.
struct SystemSegmentDescription {
  std::uint64_t base = 0;
  std::uint32_t limit = 0;  // 20 bits; in 4 KiB units when `granularity` is set.
  SystemSegmentType type = SystemSegmentType::kTssAvailable;
  PrivilegeLevel dpl = PrivilegeLevel::kRing0;
  bool present = false;
  bool available = false;  // AVL: free for software.
  bool granularity = false;

  constexpr bool operator==(const SystemSegmentDescription&) const = default;
};

// A 16-byte long-mode system descriptor (TSS or LDT); it takes two GDT slots.
// Low word: like a segment descriptor with S = 0 and base 31:0. High word: base 63:32 in
// bits 0-31, the rest reserved (zero).
class SystemSegmentDescriptor {
 public:
  constexpr SystemSegmentDescriptor() = default;

  // Encodes `d`. Panics if the limit exceeds 20 bits.
  static constexpr SystemSegmentDescriptor Encode(const SystemSegmentDescription& d) {
    LIBK_ASSERT(d.limit <= 0xfffff, "segment limit exceeds 20 bits");
    std::uint64_t low = d.limit & 0xffff;
    low |= (d.base & 0xffffff) << 16;
    low |= static_cast<std::uint64_t>(d.type) << 40;
    low |= static_cast<std::uint64_t>(d.dpl) << 45;
    low |= static_cast<std::uint64_t>(d.present) << 47;
    low |= static_cast<std::uint64_t>(d.limit >> 16) << 48;
    low |= static_cast<std::uint64_t>(d.available) << 52;
    low |= static_cast<std::uint64_t>(d.granularity) << 55;
    low |= ((d.base >> 24) & 0xff) << 56;
    return FromRaw(low, d.base >> 32);
  }

  // Returns an available 64-bit TSS descriptor for a TSS of `size` bytes at linear
  // address `base` (the limit is the offset of the last byte).
  static constexpr SystemSegmentDescriptor Tss(std::uint64_t base, std::uint32_t size) {
    LIBK_ASSERT(size > 0, "a TSS cannot be empty");
    return Encode({.base = base,
                   .limit = size - 1,
                   .type = SystemSegmentType::kTssAvailable,
                   .present = true});
  }

  // Reinterprets the two raw words of a descriptor.
  static constexpr SystemSegmentDescriptor FromRaw(std::uint64_t low, std::uint64_t high) {
    SystemSegmentDescriptor descriptor;
    descriptor.low_ = low;
    descriptor.high_ = high;
    return descriptor;
  }

  // Decodes every field of this descriptor.
  constexpr SystemSegmentDescription Decode() const {
    SystemSegmentDescription d;
    d.limit = static_cast<std::uint32_t>((low_ & 0xffff) | (((low_ >> 48) & 0xf) << 16));
    d.base =
        ((low_ >> 16) & 0xffffff) | (((low_ >> 56) & 0xff) << 24) | ((high_ & 0xffffffff) << 32);
    d.type = static_cast<SystemSegmentType>((low_ >> 40) & 0xf);
    d.dpl = static_cast<PrivilegeLevel>((low_ >> 45) & 3);
    d.present = ((low_ >> 47) & 1) != 0;
    d.available = ((low_ >> 52) & 1) != 0;
    d.granularity = ((low_ >> 55) & 1) != 0;
    return d;
  }

  // Returns the first (low) 8 bytes.
  constexpr std::uint64_t low() const { return low_; }
  // Returns the second (high) 8 bytes.
  constexpr std::uint64_t high() const { return high_; }

  constexpr bool operator==(const SystemSegmentDescriptor&) const = default;

 private:
  std::uint64_t low_ = 0;
  std::uint64_t high_ = 0;
};

static_assert(sizeof(SystemSegmentDescriptor) == 16);

}  // namespace libk::x86_64
