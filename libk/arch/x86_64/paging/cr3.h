// The value of CR3 decoded: the physical frame of the P4 table and the flags in the low
// bits. Pure, so the encoding is host-tested; reading and writing the register itself is
// in libk/arch/x86_64 (ReadCr3) and its raw/ package (WriteCr3).
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/flags/flags.h"
#include "libk/flags/flags_format.h"
#include "libk/fmt/format.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"

namespace libk::x86_64::paging {

// The cache-control bits of CR3 for the P4 table (without CR4.PCIDE; keel does not use
// PCIDs, whose number would occupy bits 0-11 instead).
enum class Cr3Flag : std::uint64_t {
  kPageLevelWriteThrough = std::uint64_t{1} << 3,
  kPageLevelCacheDisable = std::uint64_t{1} << 4,
};
LIBK_DEFINE_FLAGS(Cr3Flag, {Cr3Flag::kPageLevelWriteThrough, "PAGE_LEVEL_WRITE_THROUGH"},
                  {Cr3Flag::kPageLevelCacheDisable, "PAGE_LEVEL_CACHE_DISABLE"});

using Cr3Flags = Flags<Cr3Flag>;

// A CR3 value: the P4 table's frame and the flags.
struct Cr3 {
  PhysFrame<Size4KiB> root;
  Cr3Flags flags;

  static constexpr std::uint64_t kAddressMask = 0x000f'ffff'ffff'f000;

  // Returns the frame and the flags of `value`. Bits 0-11 other than the named flags are
  // kept in `flags` (as unknown bits); bits 52-63 are dropped.
  static constexpr Cr3 Decode(std::uint64_t value) {
    return Cr3{PhysFrame<Size4KiB>::Containing(PhysAddr::NewTruncate(value & kAddressMask)),
               Cr3Flags::FromBitsRetain(value & 0xfff)};
  }
  // Returns the register value for `root` and `flags` (only their bits 0-11 are used).
  static constexpr std::uint64_t Encode(PhysFrame<Size4KiB> root, Cr3Flags flags) {
    return root.StartAddress().value() | (flags.bits() & 0xfff);
  }
  constexpr std::uint64_t Encode() const { return Encode(root, flags); }

  friend constexpr bool operator==(const Cr3&, const Cr3&) = default;
};

}  // namespace libk::x86_64::paging

// Prints "Cr3(PhysFrame<4KiB>(PhysAddr(0x103000)), (empty))".
template <>
struct libk::Formatter<libk::x86_64::paging::Cr3> {
  static void Format(const x86_64::paging::Cr3& cr3, const FormatSpec& /*spec*/, Sink& sink) {
    libk::Format(sink, "Cr3({}, {})", cr3.root, cr3.flags);
  }
};
