// Span<T>: a bounds-checked view of contiguous elements owned by someone else (a C array,
// an ArrayVec, a buffer). Indexing and slicing outside the view panic at the caller.
#pragma once

#include <concepts>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "libk/base/source_location.h"
#include "libk/containers/checked_index.h"
#include "libk/panic/panic.h"
#include "libk/result/optional.h"

namespace libk {

template <typename T>
class Span;

namespace internal {
template <typename T>
inline constexpr bool kIsSpan = false;
template <typename T>
inline constexpr bool kIsSpan<Span<T>> = true;

// Whether From objects may be viewed as To objects: the same type, possibly with const
// added (never a base class, whose size would give the wrong stride).
template <typename From, typename To>
inline constexpr bool kViewableAs = std::is_convertible_v<From (*)[], To (*)[]>;

template <typename C>
using DataElement = std::remove_pointer_t<decltype(std::declval<C&>().data())>;

// A container whose data() points at size() contiguous elements viewable as T.
template <typename C, typename T>
concept ContiguousContainerOf = !kIsSpan<std::remove_cv_t<C>> && requires(C& c) {
  c.data();
  { c.size() } -> std::convertible_to<size_t>;
} && kViewableAs<DataElement<C>, T>;

// A Span<U> convertible to Span<T> (adding const).
template <typename U, typename T>
concept SpanConvertibleTo = !std::is_same_v<U, T> && kViewableAs<U, T>;
}  // namespace internal

// A pointer and a length. Invariant: [data(), data() + size()) are live T objects for as
// long as the Span is used; the Span does not own them, so it must not outlive its source.
template <typename T>
class Span {
 public:
  using ElementType = T;

  // Constructs an empty span.
  constexpr Span() = default;

  // Views the `size` objects starting at `data`.
  // Safety: `data` must point at `size` consecutive live T objects (or `size` must be 0)
  // that outlive every use of the Span.
  constexpr Span(T* data, size_t size) : data_(data), size_(size) {}

  // Views all elements of a C array.
  template <size_t N>
  constexpr Span(T (&array)[N]) : data_(array), size_(N) {}

  // Views all elements of a contiguous container (an ArrayVec, a std::vector in tests).
  // Only lvalues: a view of a temporary would dangle.
  template <internal::ContiguousContainerOf<T> C>
  constexpr Span(C& container) : data_(container.data()), size_(container.size()) {}

  // Converts Span<U> to Span<const U>.
  template <internal::SpanConvertibleTo<T> U>
  constexpr Span(Span<U> other) : data_(other.data()), size_(other.size()) {}

  constexpr T* data() const { return data_; }
  constexpr size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr T* begin() const { return data_; }
  constexpr T* end() const { return data_ + size_; }

  // Returns element `index`; panics at the subscript's location if it is out of range.
  constexpr T& operator[](CheckedIndex index) const {
    if (index.value >= size_) [[unlikely]] {
      Panic("Span index out of range", index.location);
    }
    return data_[index.value];
  }

  // Returns element `index`, or nothing if it is out of range.
  constexpr Optional<T&> At(size_t index) const {
    if (index >= size_) return kNone;
    return data_[index];
  }

  // Return the first / last element; panic at the caller if the span is empty.
  constexpr T& front(SourceLocation loc = SourceLocation::Current()) const {
    if (empty()) [[unlikely]] {
      Panic("front() of an empty Span", loc);
    }
    return data_[0];
  }
  constexpr T& back(SourceLocation loc = SourceLocation::Current()) const {
    if (empty()) [[unlikely]] {
      Panic("back() of an empty Span", loc);
    }
    return data_[size_ - 1];
  }

  // Returns the first `count` elements; panics at the caller if there are fewer.
  constexpr Span First(size_t count, SourceLocation loc = SourceLocation::Current()) const {
    return Subspan(0, count, loc);
  }
  // Returns the last `count` elements; panics at the caller if there are fewer.
  constexpr Span Last(size_t count, SourceLocation loc = SourceLocation::Current()) const {
    if (count > size_) [[unlikely]] {
      Panic("Span::Last longer than the span", loc);
    }
    // SAFETY: count <= size_, so the last `count` elements lie inside this span.
    return Span(data_ + (size_ - count), count);
  }
  // Returns the elements from `offset` to the end; panics at the caller if offset > size().
  constexpr Span Subspan(size_t offset, SourceLocation loc = SourceLocation::Current()) const {
    if (offset > size_) [[unlikely]] {
      Panic("Span::Subspan offset out of range", loc);
    }
    // SAFETY: offset <= size_, so [offset, size_) lies inside this span.
    return Span(data_ + offset, size_ - offset);
  }
  // Returns `count` elements from `offset`; panics at the caller unless they all lie inside
  // the span (checked without overflow).
  constexpr Span Subspan(size_t offset, size_t count,
                         SourceLocation loc = SourceLocation::Current()) const {
    if (offset > size_ || count > size_ - offset) [[unlikely]] {
      Panic("Span::Subspan range out of range", loc);
    }
    // SAFETY: offset + count <= size_ (checked above), so the range lies inside this span.
    return Span(data_ + offset, count);
  }

 private:
  T* data_ = nullptr;
  size_t size_ = 0;
};

template <typename T, size_t N>
Span(T (&)[N]) -> Span<T>;
template <typename C>
Span(C&) -> Span<std::remove_pointer_t<decltype(std::declval<C&>().data())>>;

}  // namespace libk
