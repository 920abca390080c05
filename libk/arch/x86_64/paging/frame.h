// PhysFrame<S>: a physical frame of size S, aligned by construction like Page<S>: made only
// from an aligned start address (FromStartAddress, a Result) or by rounding an address
// down (Containing). FrameRange<S> is a run of consecutive frames with iteration.
#pragma once

#include <compare>
#include <cstdint>

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

// A physical frame of size S. Invariant: StartAddress() is a multiple of S::kSize. There is
// no public constructor from an address, so every frame went through one of the checks.
template <PageSize S>
class PhysFrame {
 public:
  using Size = S;
  static constexpr std::uint64_t kSize = S::kSize;

  // Returns the frame that starts at `start`, or kNotAligned.
  static constexpr Result<PhysFrame, AddressError> FromStartAddress(PhysAddr start) {
    if (!start.IsAligned(kSize)) return Err(AddressError::kNotAligned);
    return PhysFrame(start);
  }
  // Returns the frame that contains `address`.
  static constexpr PhysFrame Containing(PhysAddr address) {
    return PhysFrame(address.AlignDown(kSize));
  }

  constexpr PhysAddr StartAddress() const { return start_; }
  static constexpr std::uint64_t size() { return kSize; }
  // Returns the frame's index among all frames of size S (its start divided by the size).
  constexpr std::uint64_t Number() const { return start_.value() / kSize; }
  // Returns whether `address` lies in this frame.
  constexpr bool Contains(PhysAddr address) const { return Containing(address) == *this; }

  // Return the frame `count` frames further up or down; panic at the caller if it would
  // leave [0, 2^52).
  constexpr PhysFrame Plus(std::uint64_t count,
                           SourceLocation loc = SourceLocation::Current()) const {
    if (count >= (PhysAddr::kLimit / kSize)) [[unlikely]] {
      Panic("physical frame beyond 2^52", loc);
    }
    return PhysFrame(start_.Plus(count * kSize, loc));
  }
  constexpr PhysFrame Minus(std::uint64_t count,
                            SourceLocation loc = SourceLocation::Current()) const {
    if (count >= (PhysAddr::kLimit / kSize)) [[unlikely]] {
      Panic("physical frame below 0", loc);
    }
    return PhysFrame(start_.Minus(count * kSize, loc));
  }
  friend constexpr PhysFrame operator+(PhysFrame frame, std::uint64_t count) {
    return frame.Plus(count);
  }
  friend constexpr PhysFrame operator-(PhysFrame frame, std::uint64_t count) {
    return frame.Minus(count);
  }
  // Returns how many frames `b` lies below `a`; panics if b > a.
  friend constexpr std::uint64_t operator-(PhysFrame a, PhysFrame b) {
    return (a.start_ - b.start_) / kSize;
  }
  friend constexpr auto operator<=>(PhysFrame, PhysFrame) = default;

 private:
  explicit constexpr PhysFrame(PhysAddr start) : start_(start) {}
  PhysAddr start_;
};

// `count` consecutive frames from `start`. Invariant: they all lie below 2^52.
template <PageSize S>
class FrameRange {
 public:
  class Iterator {
   public:
    constexpr PhysFrame<S> operator*() const { return start_ + index_; }
    constexpr Iterator& operator++() {
      ++index_;
      return *this;
    }
    friend constexpr bool operator==(const Iterator& a, const Iterator& b) {
      return a.index_ == b.index_;
    }

   private:
    friend class FrameRange;
    constexpr Iterator(PhysFrame<S> start, std::uint64_t index) : start_(start), index_(index) {}
    PhysFrame<S> start_;
    std::uint64_t index_;
  };

  // Views the `count` frames from `start`; panics at the caller if they pass 2^52.
  constexpr FrameRange(PhysFrame<S> start, std::uint64_t count,
                       SourceLocation loc = SourceLocation::Current())
      : start_(start), count_(count) {
    if (count > 0) static_cast<void>(start.Plus(count - 1, loc));
  }
  // Returns the frames [first, end); panics if end < first.
  static constexpr FrameRange Between(PhysFrame<S> first, PhysFrame<S> end) {
    return FrameRange(first, end - first);
  }
  // Returns the frames [first, last].
  static constexpr FrameRange Inclusive(PhysFrame<S> first, PhysFrame<S> last) {
    return FrameRange(first, last - first + 1);
  }
  // Returns the frames that hold any byte of [start, start + bytes); panics at the caller
  // if that range passes 2^52.
  static constexpr FrameRange Covering(PhysAddr start, std::uint64_t bytes,
                                       SourceLocation loc = SourceLocation::Current()) {
    const PhysFrame<S> first = PhysFrame<S>::Containing(start);
    if (bytes == 0) return FrameRange(first, 0, loc);
    const PhysFrame<S> last = PhysFrame<S>::Containing(start.Plus(bytes - 1, loc));
    return FrameRange(first, last - first + 1, loc);
  }

  constexpr PhysFrame<S> start() const { return start_; }
  constexpr std::uint64_t size() const { return count_; }
  constexpr bool empty() const { return count_ == 0; }
  constexpr bool Contains(PhysFrame<S> frame) const {
    return frame >= start_ && frame - start_ < count_;
  }
  constexpr Iterator begin() const { return Iterator(start_, 0); }
  constexpr Iterator end() const { return Iterator(start_, count_); }

  friend constexpr bool operator==(const FrameRange&, const FrameRange&) = default;

 private:
  PhysFrame<S> start_;
  std::uint64_t count_;
};

}  // namespace libk::x86_64::paging

// Prints "PhysFrame<2MiB>(PhysAddr(0x200000))".
template <libk::x86_64::paging::PageSize S>
struct libk::Formatter<libk::x86_64::paging::PhysFrame<S>> {
  static void Format(x86_64::paging::PhysFrame<S> frame, const FormatSpec& /*spec*/, Sink& sink) {
    libk::Format(sink, "PhysFrame<{}>({})", StringView(S::kName), frame.StartAddress());
  }
};

// Prints "FrameRange<4KiB>(PhysAddr(0x1000), 3 frames)".
template <libk::x86_64::paging::PageSize S>
struct libk::Formatter<libk::x86_64::paging::FrameRange<S>> {
  static void Format(const x86_64::paging::FrameRange<S>& range, const FormatSpec& /*spec*/,
                     Sink& sink) {
    libk::Format(sink, "FrameRange<{}>({}, {} frames)", StringView(S::kName),
                 range.start().StartAddress(), range.size());
  }
};
