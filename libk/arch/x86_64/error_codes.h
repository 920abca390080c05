// Decoders for the error codes the CPU pushes with some exceptions: the page-fault flags
// (#PF) and the selector error code (#TS, #NP, #SS, #GP; Intel SDM vol. 3A, 6.13).
#pragma once

#include <cstdint>

namespace libk::x86_64 {

// One bit of the page-fault error code.
// FIXME: switch to libk Flags<PageFaultFlag> once it exists.
enum class PageFaultFlag : std::uint32_t {
  kPresent = 1U << 0,           // The page was present: a protection violation.
  kWrite = 1U << 1,             // The access was a write (else a read).
  kUser = 1U << 2,              // The access came from ring 3.
  kReservedWrite = 1U << 3,     // A paging entry had a reserved bit set.
  kInstructionFetch = 1U << 4,  // The access was an instruction fetch (NX).
  kProtectionKey = 1U << 5,     // A protection-key right was violated.
  kShadowStack = 1U << 6,       // The access was a shadow-stack access.
  kSgx = 1U << 15,              // The fault is specific to SGX.
};

// Every PageFaultFlag, for iteration.
inline constexpr PageFaultFlag kAllPageFaultFlags[] = {
    PageFaultFlag::kPresent,
    PageFaultFlag::kWrite,
    PageFaultFlag::kUser,
    PageFaultFlag::kReservedWrite,
    PageFaultFlag::kInstructionFetch,
    PageFaultFlag::kProtectionKey,
    PageFaultFlag::kShadowStack,
    PageFaultFlag::kSgx,
};

// Returns the bit of `flag`.
constexpr std::uint64_t Mask(PageFaultFlag flag) { return static_cast<std::uint64_t>(flag); }

// A page-fault error code: a set of PageFaultFlag plus any bits newer CPUs define.
class PageFaultErrorCode {
 public:
  // The union of all known flags.
  static constexpr std::uint64_t kKnownBits = 0x807f;

  constexpr PageFaultErrorCode() = default;

  // Reinterprets the raw error code the CPU pushed. Unknown bits are kept (see unknown()).
  static constexpr PageFaultErrorCode Decode(std::uint64_t raw) {
    PageFaultErrorCode code;
    code.raw_ = raw;
    return code;
  }

  // Returns whether `flag` is set.
  constexpr bool Has(PageFaultFlag flag) const { return (raw_ & Mask(flag)) != 0; }
  // Returns a copy with `flag` set as well.
  constexpr PageFaultErrorCode With(PageFaultFlag flag) const { return Decode(raw_ | Mask(flag)); }
  // Returns the bits no PageFaultFlag names.
  constexpr std::uint64_t unknown() const { return raw_ & ~kKnownBits; }
  // Returns the error code as pushed.
  constexpr std::uint64_t raw() const { return raw_; }

  constexpr bool operator==(const PageFaultErrorCode&) const = default;

 private:
  std::uint64_t raw_ = 0;
};

// The table a selector error code refers to.
enum class DescriptorTable : std::uint8_t {
  kGdt,
  kIdt,
  kLdt,
};

// A decoded selector error code. An all-zero code (common for #GP) means the fault was
// not caused by a segment selector.
struct SelectorErrorCode {
  bool external = false;  // EXT: raised while delivering an external event.
  DescriptorTable table = DescriptorTable::kGdt;
  std::uint16_t index = 0;  // Descriptor index (13 bits); for kIdt, the vector.

  // Decodes bits 0-15 of `raw`: EXT (bit 0), IDT (bit 1), TI (bit 2; only when IDT is
  // clear), index (bits 3-15).
  static constexpr SelectorErrorCode Decode(std::uint64_t raw) {
    SelectorErrorCode code;
    code.external = (raw & 1) != 0;
    if ((raw & 2) != 0) {
      code.table = DescriptorTable::kIdt;
    } else if ((raw & 4) != 0) {
      code.table = DescriptorTable::kLdt;
    } else {
      code.table = DescriptorTable::kGdt;
    }
    code.index = static_cast<std::uint16_t>((raw >> 3) & 0x1fff);
    return code;
  }

  // Encodes the error code the CPU would push for these fields.
  constexpr std::uint64_t Encode() const {
    std::uint64_t raw = external ? 1 : 0;
    if (table == DescriptorTable::kIdt) raw |= 2;
    if (table == DescriptorTable::kLdt) raw |= 4;
    return raw | static_cast<std::uint64_t>(index & 0x1fff) << 3;
  }

  constexpr bool operator==(const SelectorErrorCode&) const = default;
};

}  // namespace libk::x86_64
