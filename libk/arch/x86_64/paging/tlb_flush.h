// TlbFlush<S>: the token a mapping change returns. The page-table entry has changed, but
// the CPU may still hold the old translation in its TLB; the owner of the token either
// flushes it (invlpg) or says why not (Ignore: the tables are not active yet, or the whole
// TLB is flushed later). The class is [[nodiscard]] and move-only, and a token destroyed
// while still pending panics, so a forgotten flush never goes unnoticed.
#pragma once

#include "libk/arch/x86_64/paging/internal/invalidate.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/fmt/format.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/fmt/string_view.h"
#include "libk/panic/panic.h"

namespace libk::x86_64::paging {

// A pending TLB invalidation of one page. Invariant: a token is consumed (Flush or Ignore)
// exactly once, or moved from, before it is destroyed.
template <PageSize S>
class [[nodiscard]] TlbFlush {
 public:
  // Makes the token for a change to `page`'s entry.
  explicit constexpr TlbFlush(Page<S> page) : page_(page) {}
  constexpr TlbFlush(TlbFlush&& other) noexcept : page_(other.page_), pending_(other.pending_) {
    other.pending_ = false;
  }
  TlbFlush(const TlbFlush&) = delete;
  TlbFlush& operator=(const TlbFlush&) = delete;
  TlbFlush& operator=(TlbFlush&&) = delete;
  // Panics if the token is still pending.
  constexpr ~TlbFlush() {
    if (pending_) [[unlikely]] {
      LIBK_PANIC("TlbFlush for {} dropped without Flush() or Ignore()", page_);
    }
  }

  // Invalidates the page's TLB entry on this CPU. Panics if the token was already used.
  void Flush() {
    Consume();
    internal::InvalidateTlbEntry(page_.StartAddress());
  }
  // Leaves the TLB as it is: for tables that are not active, or when the caller flushes
  // the whole TLB afterwards. Panics if the token was already used.
  constexpr void Ignore() { Consume(); }

  constexpr Page<S> page() const { return page_; }
  constexpr bool pending() const { return pending_; }

 private:
  constexpr void Consume() {
    LIBK_ASSERT(pending_, "TlbFlush for {} used twice", page_);
    pending_ = false;
  }

  Page<S> page_;
  bool pending_ = true;
};

}  // namespace libk::x86_64::paging

// Prints "TlbFlush(Page<4KiB>(VirtAddr(0x1000)), pending)".
template <libk::x86_64::paging::PageSize S>
struct libk::Formatter<libk::x86_64::paging::TlbFlush<S>> {
  static void Format(const x86_64::paging::TlbFlush<S>& flush, const FormatSpec& /*spec*/,
                     Sink& sink) {
    libk::Format(sink, "TlbFlush({}, {})", flush.page(),
                 StringView(flush.pending() ? "pending" : "done"));
  }
};
