// ArrayVec<T, N>: a vector with a fixed capacity of N elements stored inline (no heap), the
// job Rust's arrayvec crate does. TryPush reports a full vector as Error::kFull; Push,
// indexing and erasing panic at the caller on misuse. Works with non-trivial and
// move-only T.
#pragma once

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <new>
#include <type_traits>
#include <utility>

#include "libk/base/source_location.h"
#include "libk/containers/checked_index.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk {

namespace internal {
template <typename T>
inline constexpr bool kCopyAssignable =
    (std::is_copy_constructible_v<T> && std::is_copy_assignable_v<T>);
template <typename T>
inline constexpr bool kMoveAssignable =
    (std::is_move_constructible_v<T> && std::is_move_assignable_v<T>);

// A pointer to a T element: an ArrayVec iterator.
template <typename P, typename T>
concept PointerInto = std::is_same_v<P, T*> || std::is_same_v<P, const T*>;
}  // namespace internal

// Invariant: elements [0, size_) are alive, the slots [size_, N) hold no object.
template <typename T, size_t N>
class ArrayVec {
  static_assert(N > 0, "an ArrayVec needs a capacity");
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_array_v<T>,
                "ArrayVec elements must be non-const object types");

 public:
  using ValueType = T;

  // Not `= default`: the storage union must stay uninitialised, and a defaulted
  // constructor would value-initialise it when an ArrayVec is value-initialised.
  constexpr ArrayVec() {}  // NOLINT(modernize-use-equals-default)

  // Constructs an ArrayVec holding copies of `init`; panics at the caller if it has more
  // than N elements.
  ArrayVec(std::initializer_list<T> init, SourceLocation loc = SourceLocation::Current()) {
    if (init.size() > N) [[unlikely]] {
      Panic("ArrayVec initializer longer than its capacity", loc);
    }
    for (const T& value : init) Construct(value);
  }

  ArrayVec(const ArrayVec& other)
    requires std::is_copy_constructible_v<T>
  {
    for (const T& value : other) Construct(value);
  }

  // Moves the elements of `other` and leaves it empty.
  ArrayVec(ArrayVec&& other) noexcept(std::is_nothrow_move_constructible_v<T>)
    requires std::is_move_constructible_v<T>
  {
    for (T& value : other) Construct(std::move(value));
    other.Clear();
  }

  ArrayVec& operator=(const ArrayVec& other)
    requires internal::kCopyAssignable<T>
  {
    if (this != &other) AssignFrom(other);
    return *this;
  }

  // Moves the elements of `other` and leaves it empty.
  ArrayVec& operator=(ArrayVec&& other) noexcept(std::is_nothrow_move_assignable_v<T> &&
                                                 std::is_nothrow_move_constructible_v<T>)
    requires internal::kMoveAssignable<T>
  {
    if (this != &other) {
      AssignFrom(std::move(other));
      // AssignFrom moved the elements out; emptying the source is the documented state.
      other.Clear();  // NOLINT(bugprone-use-after-move)
    }
    return *this;
  }

  ~ArrayVec() { Clear(); }

  // Appends a copy of (or moves) `value`. Returns Error::kFull, leaving `value`
  // untouched, if the vector already holds N elements.
  Result<void> TryPush(const T& value) { return TryEmplace(value); }
  Result<void> TryPush(T&& value) { return TryEmplace(std::move(value)); }

  // Appends a T constructed from `args`. Returns Error::kFull if there is no room.
  template <typename... Args>
  Result<void> TryEmplace(Args&&... args) {
    if (full()) return Err(Error::kFull);
    Construct(std::forward<Args>(args)...);
    return Ok();
  }

  // Appends `value`; panics at the caller if the vector is full.
  void Push(const T& value, SourceLocation loc = SourceLocation::Current()) {
    CheckNotFull(loc);
    Construct(value);
  }
  void Push(T&& value, SourceLocation loc = SourceLocation::Current()) {
    CheckNotFull(loc);
    Construct(std::move(value));
  }

  // Appends a T constructed from `args` and returns it; panics if the vector is full (at
  // this header: a parameter pack leaves no room for a caller location; use
  // TryEmplace(...).UnwrapOrPanic() to report the caller).
  template <typename... Args>
  T& Emplace(Args&&... args) {
    CheckNotFull(SourceLocation::Current());
    return Construct(std::forward<Args>(args)...);
  }

  // Removes and returns the last element, or nothing if the vector is empty.
  Optional<T> Pop() {
    if (empty()) return kNone;
    Optional<T> last(std::move(items_[size_ - 1]));
    DestroyFrom(size_ - 1);
    return last;
  }

  // Inserts `value` before element `index` (index == size() appends), shifting the later
  // elements up; panics at the caller if the vector is full or index > size().
  void Insert(size_t index, T value, SourceLocation loc = SourceLocation::Current()) {
    CheckNotFull(loc);
    if (index > size_) [[unlikely]] {
      Panic("ArrayVec::Insert index out of range", loc);
    }
    if (index == size_) {
      Construct(std::move(value));
      return;
    }
    Construct(std::move(items_[size_ - 1]));
    for (size_t i = size_ - 2; i > index; --i) items_[i] = std::move(items_[i - 1]);
    items_[index] = std::move(value);
  }

  // Removes element `index`, shifting the later elements down; panics at the caller if
  // index >= size().
  void Erase(size_t index, SourceLocation loc = SourceLocation::Current()) {
    if (index >= size_) [[unlikely]] {
      Panic("ArrayVec::Erase index out of range", loc);
    }
    for (size_t i = index; i + 1 < size_; ++i) items_[i] = std::move(items_[i + 1]);
    DestroyFrom(size_ - 1);
  }
  // Removes the element at `position` and returns an iterator to the element after it;
  // panics at the caller unless begin() <= position < end(). (A template, so that
  // Erase(0) means the index.)
  template <internal::PointerInto<T> Iterator>
  T* Erase(Iterator position, SourceLocation loc = SourceLocation::Current()) {
    if (position < begin() || position >= end()) [[unlikely]] {
      Panic("ArrayVec::Erase iterator out of range", loc);
    }
    const auto index = static_cast<size_t>(position - begin());
    Erase(index, loc);
    return begin() + index;
  }

  // Destroys every element.
  void Clear() { DestroyFrom(0); }

  // Returns element `index`; panics at the subscript's location if it is out of range.
  T& operator[](CheckedIndex index) { return items_[CheckIndex(index)]; }
  const T& operator[](CheckedIndex index) const { return items_[CheckIndex(index)]; }

  // Returns element `index`, or nothing if it is out of range.
  Optional<T&> At(size_t index) {
    if (index >= size_) return kNone;
    return items_[index];
  }
  Optional<const T&> At(size_t index) const {
    if (index >= size_) return kNone;
    return items_[index];
  }

  // Return the first / last element; panic at the caller if the vector is empty.
  T& front(SourceLocation loc = SourceLocation::Current()) { return items_[CheckIndex({0, loc})]; }
  const T& front(SourceLocation loc = SourceLocation::Current()) const {
    return items_[CheckIndex({0, loc})];
  }
  T& back(SourceLocation loc = SourceLocation::Current()) {
    return items_[CheckIndex({size_ - 1, loc})];
  }
  const T& back(SourceLocation loc = SourceLocation::Current()) const {
    return items_[CheckIndex({size_ - 1, loc})];
  }

  T* data() { return items_; }
  const T* data() const { return items_; }
  T* begin() { return items_; }
  const T* begin() const { return items_; }
  T* end() { return items_ + size_; }
  const T* end() const { return items_ + size_; }

  size_t size() const { return size_; }
  static constexpr size_t capacity() { return N; }
  bool empty() const { return size_ == 0; }
  bool full() const { return size_ == N; }

  friend bool operator==(const ArrayVec& a, const ArrayVec& b)
    requires std::equality_comparable<T>
  {
    if (a.size_ != b.size_) return false;
    for (size_t i = 0; i < a.size_; ++i) {
      if (!(a.items_[i] == b.items_[i])) return false;
    }
    return true;
  }

 private:
  // Constructs a new last element from `args`. Requires !full().
  template <typename... Args>
  T& Construct(Args&&... args) {
    T* slot = ::new (__builtin_addressof(items_[size_])) T(std::forward<Args>(args)...);
    ++size_;
    return *slot;
  }

  // Destroys elements [new_size, size_), last first.
  void DestroyFrom(size_t new_size) {
    if constexpr (!std::is_trivially_destructible_v<T>) {
      while (size_ > new_size) items_[--size_].~T();
    }
    size_ = new_size;
  }

  // Makes this a copy of `other` (an lvalue or rvalue ArrayVec), reusing live elements.
  template <typename Other>
  void AssignFrom(Other&& other) {
    const size_t common = size_ < other.size_ ? size_ : other.size_;
    // Each iteration forwards a different element of `other`, never the same one twice.
    // NOLINTBEGIN(bugprone-use-after-move)
    for (size_t i = 0; i < common; ++i) items_[i] = std::forward<Other>(other).items_[i];
    for (size_t i = common; i < other.size_; ++i) {
      Construct(std::forward<Other>(other).items_[i]);
    }
    // NOLINTEND(bugprone-use-after-move)
    DestroyFrom(other.size_);
  }

  void CheckNotFull(SourceLocation loc) const {
    if (full()) [[unlikely]] {
      Panic("ArrayVec is full", loc);
    }
  }

  size_t CheckIndex(CheckedIndex index) const {
    if (index.value >= size_) [[unlikely]] {
      Panic("ArrayVec index out of range", index.location);
    }
    return index.value;
  }

  // Raw storage: a union member is not constructed with the ArrayVec, so each slot's
  // lifetime is managed by hand (see the class invariant).
  union {
    T items_[N];
  };
  size_t size_ = 0;
};

}  // namespace libk
