// The hardware's page-table structures: PageTableEntry (one 64-bit entry: a physical
// address in bits 12-51 and flags around it) and PageTable (512 entries, one 4 KiB frame).
// Their layout is the CPU's, pinned by static_asserts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/base/source_location.h"
#include "libk/flags/flags.h"
#include "libk/flags/flags_format.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/panic/panic.h"

namespace libk::x86_64::paging {

// The flag bits of a page-table entry (Intel SDM vol. 3, 4.5). kHugePage is "page size" in
// P2 and P3 entries; in a P1 entry the same bit selects the PAT, which keel leaves at 0.
enum class PageTableFlag : std::uint64_t {
  kPresent = std::uint64_t{1} << 0,
  kWritable = std::uint64_t{1} << 1,
  kUser = std::uint64_t{1} << 2,
  kWriteThrough = std::uint64_t{1} << 3,
  kNoCache = std::uint64_t{1} << 4,
  kAccessed = std::uint64_t{1} << 5,
  kDirty = std::uint64_t{1} << 6,
  kHugePage = std::uint64_t{1} << 7,
  kGlobal = std::uint64_t{1} << 8,
  // Bits 9-11 are ignored by the CPU and free for the kernel's own use.
  kBit9 = std::uint64_t{1} << 9,
  kBit10 = std::uint64_t{1} << 10,
  kBit11 = std::uint64_t{1} << 11,
  kNoExecute = std::uint64_t{1} << 63,
};
LIBK_DEFINE_FLAGS(PageTableFlag, {PageTableFlag::kPresent, "PRESENT"},
                  {PageTableFlag::kWritable, "WRITABLE"}, {PageTableFlag::kUser, "USER"},
                  {PageTableFlag::kWriteThrough, "WRITE_THROUGH"},
                  {PageTableFlag::kNoCache, "NO_CACHE"}, {PageTableFlag::kAccessed, "ACCESSED"},
                  {PageTableFlag::kDirty, "DIRTY"}, {PageTableFlag::kHugePage, "HUGE_PAGE"},
                  {PageTableFlag::kGlobal, "GLOBAL"}, {PageTableFlag::kBit9, "BIT_9"},
                  {PageTableFlag::kBit10, "BIT_10"}, {PageTableFlag::kBit11, "BIT_11"},
                  {PageTableFlag::kNoExecute, "NO_EXECUTE"});

using PageTableFlags = Flags<PageTableFlag>;

// One entry of a page table. All zero means unused. Any other value holds a physical
// address (bits 12-51) and flags (every other bit, kept as they are, unknown ones included).
class PageTableEntry {
 public:
  static constexpr std::uint64_t kAddressMask = 0x000f'ffff'ffff'f000;

  // Constructs an unused entry.
  constexpr PageTableEntry() = default;
  // Returns the entry with exactly `bits` (as read from a table or a test vector).
  static constexpr PageTableEntry FromBits(std::uint64_t bits) {
    PageTableEntry entry;
    entry.bits_ = bits;
    return entry;
  }

  constexpr std::uint64_t bits() const { return bits_; }
  constexpr bool IsUnused() const { return bits_ == 0; }
  constexpr void SetUnused() { bits_ = 0; }

  // Returns every bit outside the address field; bits with no name are kept.
  constexpr PageTableFlags flags() const {
    return PageTableFlags::FromBitsRetain(bits_ & ~kAddressMask);
  }
  constexpr bool IsPresent() const { return (bits_ & kPresentBit) != 0; }
  constexpr bool IsHugePage() const { return (bits_ & kHugePageBit) != 0; }
  // Returns the physical address in bits 12-51.
  constexpr PhysAddr addr() const { return PhysAddr::NewTruncate(bits_ & kAddressMask); }

  // Points the entry at `frame` with `flags` (which must keep out of the address field).
  template <PageSize S>
  constexpr void Set(PhysFrame<S> frame, PageTableFlags flags,
                     SourceLocation loc = SourceLocation::Current()) {
    SetAddr(frame.StartAddress(), flags, loc);
  }
  // Points the entry at `addr` (4 KiB aligned) with `flags`; panics at the caller if the
  // address is not aligned or a flag bit lies in the address field.
  constexpr void SetAddr(PhysAddr addr, PageTableFlags flags,
                         SourceLocation loc = SourceLocation::Current()) {
    if (!addr.IsAligned(Size4KiB::kSize)) [[unlikely]] {
      Panic("page-table entry address is not 4 KiB aligned", loc);
    }
    CheckFlags(flags, loc);
    bits_ = addr.value() | flags.bits();
  }
  // Replaces the flags, keeping the address.
  constexpr void SetFlags(PageTableFlags flags, SourceLocation loc = SourceLocation::Current()) {
    CheckFlags(flags, loc);
    bits_ = (bits_ & kAddressMask) | flags.bits();
  }

  friend constexpr bool operator==(PageTableEntry, PageTableEntry) = default;

 private:
  static constexpr std::uint64_t kPresentBit = static_cast<std::uint64_t>(PageTableFlag::kPresent);
  static constexpr std::uint64_t kHugePageBit =
      static_cast<std::uint64_t>(PageTableFlag::kHugePage);

  static constexpr void CheckFlags(PageTableFlags flags, SourceLocation loc) {
    if ((flags.bits() & kAddressMask) != 0) [[unlikely]] {
      Panic("page-table flags overlap the address field", loc);
    }
  }

  std::uint64_t bits_ = 0;
};

// One page table: 512 entries filling a 4 KiB frame, at every level of the tree.
class alignas(4096) PageTable {
 public:
  static constexpr std::size_t kEntryCount = PageTableIndex::kCount;

  // Constructs a table of unused entries.
  constexpr PageTable() = default;

  constexpr PageTableEntry& operator[](PageTableIndex index) { return entries_[index.value()]; }
  constexpr const PageTableEntry& operator[](PageTableIndex index) const {
    return entries_[index.value()];
  }

  // Marks every entry unused.
  constexpr void Zero() {
    for (PageTableEntry& entry : entries_) entry.SetUnused();
  }
  // Returns whether every entry is unused.
  constexpr bool IsEmpty() const {
    for (const PageTableEntry& entry : entries_) {
      if (!entry.IsUnused()) return false;
    }
    return true;
  }

  constexpr PageTableEntry* begin() { return entries_; }
  constexpr PageTableEntry* end() { return entries_ + kEntryCount; }
  constexpr const PageTableEntry* begin() const { return entries_; }
  constexpr const PageTableEntry* end() const { return entries_ + kEntryCount; }

 private:
  PageTableEntry entries_[kEntryCount];
};

static_assert(sizeof(PageTableEntry) == 8, "a page-table entry is 64 bits");
static_assert(std::is_trivially_copyable_v<PageTableEntry>);
static_assert(std::is_standard_layout_v<PageTableEntry>);
static_assert(sizeof(PageTable) == 4096, "a page table fills one 4 KiB frame");
static_assert(alignof(PageTable) == 4096, "a page table starts a 4 KiB frame");
static_assert(std::is_trivially_copyable_v<PageTable>);
static_assert(std::is_standard_layout_v<PageTable>);

}  // namespace libk::x86_64::paging

// Prints "PageTableEntry(PhysAddr(0x5000), PRESENT | WRITABLE)", or
// "PageTableEntry(unused)".
template <>
struct libk::Formatter<libk::x86_64::paging::PageTableEntry> {
  static void Format(x86_64::paging::PageTableEntry entry, const FormatSpec& spec, Sink& sink);
};
