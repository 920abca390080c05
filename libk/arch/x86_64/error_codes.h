// Decoders for the error codes the CPU pushes with some exceptions: the page-fault flags
// (#PF) and the selector error code (#TS, #NP, #SS, #GP; Intel SDM vol. 3A, 6.13).
#pragma once

#include <cstdint>

#include "libk/flags/flags.h"

namespace libk::x86_64 {

// One bit of the page-fault error code (Intel SDM vol. 3A, figure 4-12).
enum class PageFaultFlag : std::uint64_t {
  kPresent = 1U << 0,           // The page was present: a protection violation.
  kWrite = 1U << 1,             // The access was a write (else a read).
  kUser = 1U << 2,              // The access came from ring 3.
  kReservedWrite = 1U << 3,     // A paging entry had a reserved bit set.
  kInstructionFetch = 1U << 4,  // The access was an instruction fetch (NX).
  kProtectionKey = 1U << 5,     // A protection-key right was violated.
  kShadowStack = 1U << 6,       // The access was a shadow-stack access.
  kSgx = 1U << 15,              // The fault is specific to SGX.
};
LIBK_DEFINE_FLAGS(PageFaultFlag, {PageFaultFlag::kPresent, "PRESENT"},
                  {PageFaultFlag::kWrite, "WRITE"}, {PageFaultFlag::kUser, "USER"},
                  {PageFaultFlag::kReservedWrite, "RESERVED_WRITE"},
                  {PageFaultFlag::kInstructionFetch, "INSTRUCTION_FETCH"},
                  {PageFaultFlag::kProtectionKey, "PROTECTION_KEY"},
                  {PageFaultFlag::kShadowStack, "SHADOW_STACK"}, {PageFaultFlag::kSgx, "SGX"});

// A page-fault error code as the CPU pushed it. Decode it with FromBitsRetain, which keeps
// the bits newer CPUs define and no PageFaultFlag names, so a report hides nothing.
using PageFaultErrorCode = libk::Flags<PageFaultFlag>;

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
