// Page<S>: a virtual page of size S, aligned by construction: it is made only from an
// aligned start address (FromStartAddress, a Result) or by rounding an address down
// (Containing). PageRange<S> is a run of consecutive pages with iteration.
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <limits>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/base/source_location.h"
#include "libk/fmt/format.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/fmt/string_view.h"
#include "libk/panic/panic.h"
#include "libk/result/result.h"

namespace libk::x86_64::paging {

// A virtual page of size S. Invariant: StartAddress() is a multiple of S::kSize. There is
// no public constructor from an address, so every Page went through one of the checks.
template <PageSize S>
class Page {
 public:
  using Size = S;
  static constexpr std::uint64_t kSize = S::kSize;

  // Returns the page that starts at `start`, or kNotAligned.
  static constexpr Result<Page, AddressError> FromStartAddress(VirtAddr start) {
    if (!start.IsAligned(kSize)) return Err(AddressError::kNotAligned);
    return Page(start);
  }
  // Returns the page that contains `address`.
  static constexpr Page Containing(VirtAddr address) { return Page(address.AlignDown(kSize)); }

  constexpr VirtAddr StartAddress() const { return start_; }
  static constexpr std::uint64_t size() { return kSize; }
  // Returns whether `address` lies in this page.
  constexpr bool Contains(VirtAddr address) const { return Containing(address) == *this; }

  constexpr PageTableIndex P4Index() const { return start_.P4Index(); }
  constexpr PageTableIndex P3Index() const { return start_.P3Index(); }
  constexpr PageTableIndex P2Index() const
    requires(!std::same_as<S, Size1GiB>)
  {
    return start_.P2Index();
  }
  constexpr PageTableIndex P1Index() const
    requires std::same_as<S, Size4KiB>
  {
    return start_.P1Index();
  }

  // Return the page `count` pages further up or down; panic at the caller if it would not
  // be canonical (pages never step over the hole between the two halves).
  constexpr Page Plus(std::uint64_t count, SourceLocation loc = SourceLocation::Current()) const {
    if (count > (std::numeric_limits<std::uint64_t>::max() >> 30)) [[unlikely]] {
      Panic("page offset overflows", loc);
    }
    return Page(start_.Plus(count * kSize, loc));
  }
  constexpr Page Minus(std::uint64_t count, SourceLocation loc = SourceLocation::Current()) const {
    if (count > (std::numeric_limits<std::uint64_t>::max() >> 30)) [[unlikely]] {
      Panic("page offset overflows", loc);
    }
    return Page(start_.Minus(count * kSize, loc));
  }
  friend constexpr Page operator+(Page page, std::uint64_t count) { return page.Plus(count); }
  friend constexpr Page operator-(Page page, std::uint64_t count) { return page.Minus(count); }
  // Returns how many pages `b` lies below `a`; panics if b > a.
  friend constexpr std::uint64_t operator-(Page a, Page b) { return (a.start_ - b.start_) / kSize; }
  friend constexpr auto operator<=>(Page, Page) = default;

 private:
  explicit constexpr Page(VirtAddr start) : start_(start) {}
  VirtAddr start_;
};

// `count` consecutive pages from `start`. Invariant: every page of the range is canonical
// (a range never spans the hole between the lower and the upper half).
template <PageSize S>
class PageRange {
 public:
  class Iterator {
   public:
    constexpr Page<S> operator*() const { return start_ + index_; }
    constexpr Iterator& operator++() {
      ++index_;
      return *this;
    }
    friend constexpr bool operator==(const Iterator& a, const Iterator& b) {
      return a.index_ == b.index_;
    }

   private:
    friend class PageRange;
    constexpr Iterator(Page<S> start, std::uint64_t index) : start_(start), index_(index) {}
    Page<S> start_;
    std::uint64_t index_;
  };

  // Views the `count` pages from `start`; panics at the caller if the last one would not
  // be canonical.
  constexpr PageRange(Page<S> start, std::uint64_t count,
                      SourceLocation loc = SourceLocation::Current())
      : start_(start), count_(count) {
    if (count > 0) static_cast<void>(start.Plus(count - 1, loc));
  }
  // Returns the pages [first, end); panics if end < first.
  static constexpr PageRange Between(Page<S> first, Page<S> end) {
    return PageRange(first, end - first);
  }
  // Returns the pages [first, last], which may reach the top of a half.
  static constexpr PageRange Inclusive(Page<S> first, Page<S> last) {
    return PageRange(first, last - first + 1);
  }
  // Returns the pages that hold any byte of [start, start + bytes); panics at the caller if
  // that range is not canonical.
  static constexpr PageRange Covering(VirtAddr start, std::uint64_t bytes,
                                      SourceLocation loc = SourceLocation::Current()) {
    const Page<S> first = Page<S>::Containing(start);
    if (bytes == 0) return PageRange(first, 0, loc);
    const Page<S> last = Page<S>::Containing(start.Plus(bytes - 1, loc));
    return PageRange(first, last - first + 1, loc);
  }

  constexpr Page<S> start() const { return start_; }
  constexpr std::uint64_t size() const { return count_; }
  constexpr bool empty() const { return count_ == 0; }
  constexpr bool Contains(Page<S> page) const { return page >= start_ && page - start_ < count_; }
  constexpr Iterator begin() const { return Iterator(start_, 0); }
  constexpr Iterator end() const { return Iterator(start_, count_); }

  friend constexpr bool operator==(const PageRange&, const PageRange&) = default;

 private:
  Page<S> start_;
  std::uint64_t count_;
};

}  // namespace libk::x86_64::paging

// Prints "Page<4KiB>(VirtAddr(0x1000))".
template <libk::x86_64::paging::PageSize S>
struct libk::Formatter<libk::x86_64::paging::Page<S>> {
  static void Format(x86_64::paging::Page<S> page, const FormatSpec& /*spec*/, Sink& sink) {
    libk::Format(sink, "Page<{}>({})", StringView(S::kName), page.StartAddress());
  }
};

// Prints "PageRange<4KiB>(VirtAddr(0x1000), 3 pages)".
template <libk::x86_64::paging::PageSize S>
struct libk::Formatter<libk::x86_64::paging::PageRange<S>> {
  static void Format(const x86_64::paging::PageRange<S>& range, const FormatSpec& /*spec*/,
                     Sink& sink) {
    libk::Format(sink, "PageRange<{}>({}, {} pages)", StringView(S::kName),
                 range.start().StartAddress(), range.size());
  }
};
