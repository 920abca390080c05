// What the mapper's operations return: the error enums (one per operation, so each
// declaration says exactly what can go wrong), a translation, and an unmapped frame with
// its pending TLB flush.
#pragma once

#include <cstdint>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/tlb_flush.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/result/optional.h"

namespace libk::x86_64::paging {

// Why MapTo failed. Nothing was changed, and no frame was kept, in every case.
enum class MapError : std::uint8_t {
  kFrameAllocationFailed,  // A page table was missing and the allocator had no frame.
  kPageAlreadyMapped,      // The page's entry is present (a page, or a table of smaller ones).
  kParentEntryHugePage,    // A larger page already maps the page's range.
};

// Why Unmap failed. Nothing was changed in every case.
enum class UnmapError : std::uint8_t {
  kPageNotMapped,        // No present entry maps the page.
  kParentEntryHugePage,  // A larger page maps the page's range.
  kSizeMismatch,         // The range is mapped with smaller pages (the entry is a table).
  kInvalidFrameAddress,  // The entry's address is not aligned to the page size.
};

// Why UpdateFlags failed. Nothing was changed in every case.
enum class FlagUpdateError : std::uint8_t {
  kPageNotMapped,        // No present entry maps the page.
  kParentEntryHugePage,  // A larger page maps the page's range.
  kSizeMismatch,         // The range is mapped with smaller pages (the entry is a table).
};

// Why Translate found no physical address.
enum class TranslateError : std::uint8_t {
  kNotMapped,     // Some entry on the way is not present.
  kInvalidEntry,  // A leaf's address is not aligned to its page size, or a P4 entry has
                  // the huge-page bit (reserved there).
};

const char* MapErrorName(MapError error);
const char* UnmapErrorName(UnmapError error);
const char* FlagUpdateErrorName(FlagUpdateError error);
const char* TranslateErrorName(TranslateError error);

// Where a virtual address leads: the frame of the page that maps it (its start and size),
// the offset inside that page, and the leaf entry's flags.
struct Translation {
  PhysAddr frame_start;
  PageSizeKind size = PageSizeKind::k4KiB;
  std::uint64_t offset = 0;
  PageTableFlags flags;

  // Returns the physical address the virtual address translates to.
  constexpr PhysAddr address() const { return frame_start + offset; }
  // Returns the frame as a PhysFrame<S>, or nothing if the page is not of size S.
  template <PageSize S>
  constexpr Optional<PhysFrame<S>> FrameAs() const {
    if (size != KindOf<S>()) return kNone;
    return PhysFrame<S>::Containing(frame_start);
  }

  friend constexpr bool operator==(const Translation&, const Translation&) = default;
};

// A page Unmap removed: the frame it mapped, and the TLB flush still owed for it (which
// also covers any page table that Unmap freed on the way).
template <PageSize S>
struct [[nodiscard]] Unmapped {
  PhysFrame<S> frame;
  TlbFlush<S> flush;
};

}  // namespace libk::x86_64::paging

// Each prints its error's description ("page already mapped").
template <>
struct libk::Formatter<libk::x86_64::paging::MapError> {
  static void Format(x86_64::paging::MapError error, const FormatSpec& spec, Sink& sink);
};
template <>
struct libk::Formatter<libk::x86_64::paging::UnmapError> {
  static void Format(x86_64::paging::UnmapError error, const FormatSpec& spec, Sink& sink);
};
template <>
struct libk::Formatter<libk::x86_64::paging::FlagUpdateError> {
  static void Format(x86_64::paging::FlagUpdateError error, const FormatSpec& spec, Sink& sink);
};
template <>
struct libk::Formatter<libk::x86_64::paging::TranslateError> {
  static void Format(x86_64::paging::TranslateError error, const FormatSpec& spec, Sink& sink);
};

// Prints "Translation(PhysAddr(0x200000) + 0x123, 2MiB, PRESENT | WRITABLE | HUGE_PAGE)".
template <>
struct libk::Formatter<libk::x86_64::paging::Translation> {
  static void Format(const x86_64::paging::Translation& translation, const FormatSpec& spec,
                     Sink& sink);
};
