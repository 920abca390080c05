// Physical and virtual addresses as distinct types, so that one cannot be passed where the
// other is expected. A PhysAddr never has a bit set at or above bit 52 (the architectural
// limit); a VirtAddr is always canonical (bits 48-63 copy bit 47). Both are built through
// a checked constructor (Result), a panicking one (for constants) or an explicit truncating
// one. VirtAddr also splits into the four page-table indices and the page offset.
#pragma once

#include <compare>
#include <cstdint>
#include <limits>

#include "libk/arch/x86_64/paging/align.h"
#include "libk/base/source_location.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/panic/panic.h"
#include "libk/result/result.h"

namespace libk::x86_64::paging {

// Why an address, page or frame could not be made.
enum class AddressError : std::uint8_t {
  kNonCanonical,         // Bits 48-63 of a virtual address are not all copies of bit 47.
  kBeyondPhysicalLimit,  // A physical address has a bit set at or above bit 52.
  kNotAligned,           // A page or frame start is not a multiple of its size.
};

// Returns a short description of `error` ("not canonical"). The string is static.
const char* AddressErrorName(AddressError error);

// The number of bits in a physical address (x86_64 allows at most 52).
inline constexpr unsigned kPhysAddrBits = 52;

// The levels of the 4-level page-table tree, named after the index that selects an entry
// in them: a P4 table (PML4) is indexed by bits 39-47 of a virtual address, a P1 table
// (page table) by bits 12-20.
enum class PageTableLevel : std::uint8_t { kP1 = 1, kP2 = 2, kP3 = 3, kP4 = 4 };

// Returns the position of the lowest virtual-address bit that indexes a table of `level`.
constexpr unsigned IndexShift(PageTableLevel level) {
  return 12 + (9 * (static_cast<unsigned>(level) - 1));
}

// An index into a page table. Invariant: value() < 512.
class PageTableIndex {
 public:
  static constexpr std::uint16_t kCount = 512;

  // Returns index `value`; panics at the caller unless value < 512.
  static constexpr PageTableIndex New(std::uint64_t value,
                                      SourceLocation loc = SourceLocation::Current()) {
    if (value >= kCount) [[unlikely]] {
      Panic("page-table index out of range", loc);
    }
    return PageTableIndex(static_cast<std::uint16_t>(value));
  }
  // Returns index `value % 512`.
  static constexpr PageTableIndex NewTruncate(std::uint64_t value) {
    return PageTableIndex(static_cast<std::uint16_t>(value % kCount));
  }

  constexpr std::uint16_t value() const { return value_; }
  friend constexpr auto operator<=>(PageTableIndex, PageTableIndex) = default;

 private:
  explicit constexpr PageTableIndex(std::uint16_t value) : value_(value) {}
  std::uint16_t value_;
};

// A physical address. Invariant: value() < 2^52.
class PhysAddr {
 public:
  static constexpr std::uint64_t kLimit = std::uint64_t{1} << kPhysAddrBits;

  // Constructs physical address 0.
  constexpr PhysAddr() = default;

  // Returns the address `value`, or kBeyondPhysicalLimit if value >= 2^52.
  static constexpr Result<PhysAddr, AddressError> TryNew(std::uint64_t value) {
    if (value >= kLimit) return Err(AddressError::kBeyondPhysicalLimit);
    return PhysAddr(value);
  }
  // Returns the address `value`; panics at the caller if value >= 2^52.
  static constexpr PhysAddr New(std::uint64_t value,
                                SourceLocation loc = SourceLocation::Current()) {
    if (value >= kLimit) [[unlikely]] {
      Panic("physical address beyond 2^52", loc);
    }
    return PhysAddr(value);
  }
  // Returns `value` with bits 52-63 cleared.
  static constexpr PhysAddr NewTruncate(std::uint64_t value) { return PhysAddr(value % kLimit); }

  constexpr std::uint64_t value() const { return value_; }

  constexpr bool IsAligned(std::uint64_t align) const { return paging::IsAligned(value_, align); }
  constexpr PhysAddr AlignDown(std::uint64_t align) const {
    return PhysAddr(paging::AlignDown(value_, align));
  }
  // Returns the next multiple of `align`; panics at the caller if it is beyond the limit.
  constexpr PhysAddr AlignUp(std::uint64_t align,
                             SourceLocation loc = SourceLocation::Current()) const {
    return New(paging::AlignUp(value_, align, loc), loc);
  }

  // Move by `bytes`; panic at the caller when the result leaves [0, 2^52).
  constexpr PhysAddr Plus(std::uint64_t bytes,
                          SourceLocation loc = SourceLocation::Current()) const {
    if (bytes >= kLimit - value_) [[unlikely]] {
      Panic("physical address beyond 2^52", loc);
    }
    return PhysAddr(value_ + bytes);
  }
  constexpr PhysAddr Minus(std::uint64_t bytes,
                           SourceLocation loc = SourceLocation::Current()) const {
    if (bytes > value_) [[unlikely]] {
      Panic("physical address below 0", loc);
    }
    return PhysAddr(value_ - bytes);
  }
  friend constexpr PhysAddr operator+(PhysAddr a, std::uint64_t bytes) { return a.Plus(bytes); }
  friend constexpr PhysAddr operator-(PhysAddr a, std::uint64_t bytes) { return a.Minus(bytes); }
  // Returns the distance from `b` up to `a`; panics if b > a.
  friend constexpr std::uint64_t operator-(PhysAddr a, PhysAddr b) {
    LIBK_ASSERT(a.value_ >= b.value_, "subtracting a higher physical address");
    return a.value_ - b.value_;
  }
  friend constexpr auto operator<=>(PhysAddr, PhysAddr) = default;

 private:
  explicit constexpr PhysAddr(std::uint64_t value) : value_(value) {}
  std::uint64_t value_ = 0;
};

// A canonical virtual address. Invariant: bits 48-63 of value() equal bit 47.
class VirtAddr {
 public:
  // Constructs virtual address 0.
  constexpr VirtAddr() = default;

  // Returns whether `value` is canonical.
  static constexpr bool IsCanonical(std::uint64_t value) { return SignExtend(value) == value; }

  // Returns the address `value`, or kNonCanonical.
  static constexpr Result<VirtAddr, AddressError> TryNew(std::uint64_t value) {
    if (!IsCanonical(value)) return Err(AddressError::kNonCanonical);
    return VirtAddr(value);
  }
  // Returns the address `value`; panics at the caller if it is not canonical.
  static constexpr VirtAddr New(std::uint64_t value,
                                SourceLocation loc = SourceLocation::Current()) {
    if (!IsCanonical(value)) [[unlikely]] {
      Panic("virtual address is not canonical", loc);
    }
    return VirtAddr(value);
  }
  // Returns `value` with bits 48-63 replaced by copies of bit 47 (sign extension).
  static constexpr VirtAddr NewTruncate(std::uint64_t value) { return VirtAddr(SignExtend(value)); }

  constexpr std::uint64_t value() const { return value_; }
  // Returns whether this address is in the upper (kernel) half, bit 47 set.
  constexpr bool IsUpperHalf() const { return (value_ >> 47) != 0; }

  constexpr bool IsAligned(std::uint64_t align) const { return paging::IsAligned(value_, align); }
  constexpr VirtAddr AlignDown(std::uint64_t align) const {
    return VirtAddr(paging::AlignDown(value_, align));
  }
  // Returns the next multiple of `align`; panics at the caller if it is not canonical.
  constexpr VirtAddr AlignUp(std::uint64_t align,
                             SourceLocation loc = SourceLocation::Current()) const {
    return New(paging::AlignUp(value_, align, loc), loc);
  }

  // Move by `bytes`; panic at the caller when the result wraps or is not canonical.
  constexpr VirtAddr Plus(std::uint64_t bytes,
                          SourceLocation loc = SourceLocation::Current()) const {
    if (bytes > std::numeric_limits<std::uint64_t>::max() - value_) [[unlikely]] {
      Panic("virtual address overflows", loc);
    }
    return New(value_ + bytes, loc);
  }
  constexpr VirtAddr Minus(std::uint64_t bytes,
                           SourceLocation loc = SourceLocation::Current()) const {
    if (bytes > value_) [[unlikely]] {
      Panic("virtual address below 0", loc);
    }
    return New(value_ - bytes, loc);
  }
  friend constexpr VirtAddr operator+(VirtAddr a, std::uint64_t bytes) { return a.Plus(bytes); }
  friend constexpr VirtAddr operator-(VirtAddr a, std::uint64_t bytes) { return a.Minus(bytes); }
  // Returns the distance from `b` up to `a`; panics if b > a.
  friend constexpr std::uint64_t operator-(VirtAddr a, VirtAddr b) {
    LIBK_ASSERT(a.value_ >= b.value_, "subtracting a higher virtual address");
    return a.value_ - b.value_;
  }
  friend constexpr auto operator<=>(VirtAddr, VirtAddr) = default;

  // Returns the index this address selects in a table of `level`.
  constexpr PageTableIndex IndexAt(PageTableLevel level) const {
    return PageTableIndex::NewTruncate(value_ >> IndexShift(level));
  }
  constexpr PageTableIndex P4Index() const { return IndexAt(PageTableLevel::kP4); }
  constexpr PageTableIndex P3Index() const { return IndexAt(PageTableLevel::kP3); }
  constexpr PageTableIndex P2Index() const { return IndexAt(PageTableLevel::kP2); }
  constexpr PageTableIndex P1Index() const { return IndexAt(PageTableLevel::kP1); }
  // Returns the offset within a 4 KiB page (bits 0-11).
  constexpr std::uint64_t PageOffset() const { return value_ & 0xfff; }

 private:
  explicit constexpr VirtAddr(std::uint64_t value) : value_(value) {}
  static constexpr std::uint64_t SignExtend(std::uint64_t value) {
    // Two's complement arithmetic shift, well defined since C++20.
    return static_cast<std::uint64_t>(static_cast<std::int64_t>(value << 16) >> 16);
  }
  std::uint64_t value_ = 0;
};

}  // namespace libk::x86_64::paging

// Prints the description, as AddressErrorName.
template <>
struct libk::Formatter<libk::x86_64::paging::AddressError> {
  static void Format(x86_64::paging::AddressError error, const FormatSpec& spec, Sink& sink);
};

// Prints "PageTableIndex(511)".
template <>
struct libk::Formatter<libk::x86_64::paging::PageTableIndex> {
  static void Format(x86_64::paging::PageTableIndex index, const FormatSpec& spec, Sink& sink);
};

// Prints "PhysAddr(0x1000)".
template <>
struct libk::Formatter<libk::x86_64::paging::PhysAddr> {
  static void Format(x86_64::paging::PhysAddr addr, const FormatSpec& spec, Sink& sink);
};

// Prints "VirtAddr(0xffffffff80000000)".
template <>
struct libk::Formatter<libk::x86_64::paging::VirtAddr> {
  static void Format(x86_64::paging::VirtAddr addr, const FormatSpec& spec, Sink& sink);
};
