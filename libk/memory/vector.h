// Vector<T>: a growable array on the heap (Rust's Vec). Growing can fail: the Try...
// functions return Error::kOutOfMemory, their plain twins panic at the caller. Copying
// allocates, so it is explicit (TryClone) rather than a copy constructor. Indexing and
// erasing are checked and panic at the caller, as ArrayVec's are.
#pragma once

#include <concepts>
#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

#include "libk/base/source_location.h"
#include "libk/containers/checked_index.h"
#include "libk/memory/allocation.h"
#include "libk/memory/send.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk {

// Invariant: data_ is null when capacity_ is 0, else it holds capacity_ slots from
// memory::AllocateArray, of which [0, size_) are live T objects and the rest hold none.
template <typename T>
class Vector {
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_array_v<T>,
                "Vector elements must be non-const object types");

 public:
  using ValueType = T;

  constexpr Vector() = default;
  Vector(const Vector&) = delete;
  Vector& operator=(const Vector&) = delete;

  // Takes the elements of `other`, leaving it empty.
  Vector(Vector&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)),
        size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)) {}
  Vector& operator=(Vector&& other) noexcept {
    if (this != &other) {
      Free();
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
      capacity_ = std::exchange(other.capacity_, 0);
    }
    return *this;
  }

  ~Vector() { Free(); }

  // Returns an empty vector with room for `capacity` elements, or Error::kOutOfMemory.
  static Result<Vector> TryWithCapacity(std::size_t capacity) {
    Vector vector;
    LIBK_TRY(vector.TryReserve(capacity));
    return vector;
  }

  // Returns a copy of this vector, or Error::kOutOfMemory.
  Result<Vector> TryClone() const
    requires std::is_copy_constructible_v<T>
  {
    Result<Vector> copy = TryWithCapacity(size_);
    if (copy.is_ok()) {
      for (const T& element : *this) copy.value().Construct(element);
    }
    return copy;
  }

  // Makes room for at least `capacity` elements in all; returns Error::kOutOfMemory (and
  // changes nothing) if the memory cannot be had.
  Result<void> TryReserve(std::size_t capacity) {
    if (capacity <= capacity_) return Ok();
    return Reallocate(capacity);
  }
  // As TryReserve, but panics at the caller when out of memory.
  void Reserve(std::size_t capacity, SourceLocation loc = SourceLocation::Current()) {
    CheckAllocated(TryReserve(capacity), capacity, loc);
  }

  // Appends a copy of (or moves) `value`; Error::kOutOfMemory if the vector was full and
  // could not grow, leaving `value` untouched.
  Result<void> TryPush(const T& value) { return TryEmplace(value); }
  Result<void> TryPush(T&& value) { return TryEmplace(std::move(value)); }

  // Appends a T constructed from `args` (which may refer to elements of this vector).
  template <typename... Args>
  Result<void> TryEmplace(Args&&... args) {
    if (size_ < capacity_) {
      Construct(std::forward<Args>(args)...);
      return Ok();
    }
    return GrowAndEmplace(std::forward<Args>(args)...);
  }

  // Appends `value`; panics at the caller when out of memory.
  void Push(const T& value, SourceLocation loc = SourceLocation::Current()) {
    CheckAllocated(TryEmplace(value), size_ + 1, loc);
  }
  void Push(T&& value, SourceLocation loc = SourceLocation::Current()) {
    CheckAllocated(TryEmplace(std::move(value)), size_ + 1, loc);
  }

  // Appends a T constructed from `args` and returns it; panics when out of memory (at
  // this header; TryEmplace(...).UnwrapOrPanic() reports the caller).
  template <typename... Args>
  T& Emplace(Args&&... args) {
    CheckAllocated(TryEmplace(std::forward<Args>(args)...), size_ + 1, SourceLocation::Current());
    return data_[size_ - 1];
  }

  // Removes and returns the last element, or nothing if the vector is empty.
  Optional<T> Pop() {
    if (size_ == 0) return kNone;
    Optional<T> last(std::move(data_[size_ - 1]));
    DestroyFrom(size_ - 1);
    return last;
  }

  // Inserts `value` before element `index` (index == size() appends), shifting the later
  // elements up. Returns Error::kOutOfMemory if it could not grow; panics at the caller if
  // index > size().
  Result<void> TryInsert(std::size_t index, T value,
                         SourceLocation loc = SourceLocation::Current()) {
    if (index > size_) [[unlikely]] {
      Panic("Vector::Insert index out of range", loc);
    }
    LIBK_TRY(TryEmplace(std::move(value)));
    // Rotate the new last element into place.
    for (std::size_t i = size_ - 1; i > index; --i) std::swap(data_[i], data_[i - 1]);
    return Ok();
  }
  // As TryInsert, but panics at the caller when out of memory.
  void Insert(std::size_t index, T value, SourceLocation loc = SourceLocation::Current()) {
    CheckAllocated(TryInsert(index, std::move(value), loc), size_ + 1, loc);
  }

  // Removes element `index`, shifting the later elements down; panics at the caller if
  // index >= size().
  void Erase(std::size_t index, SourceLocation loc = SourceLocation::Current()) {
    if (index >= size_) [[unlikely]] {
      Panic("Vector::Erase index out of range", loc);
    }
    for (std::size_t i = index; i + 1 < size_; ++i) data_[i] = std::move(data_[i + 1]);
    DestroyFrom(size_ - 1);
  }

  // Destroys every element; keeps the capacity.
  void Clear() { DestroyFrom(0); }

  // Returns element `index`; panics at the subscript's location if it is out of range.
  T& operator[](CheckedIndex index) { return data_[CheckIndex(index)]; }
  const T& operator[](CheckedIndex index) const { return data_[CheckIndex(index)]; }

  // Returns element `index`, or nothing if it is out of range.
  Optional<T&> At(std::size_t index) {
    if (index >= size_) return kNone;
    return data_[index];
  }
  Optional<const T&> At(std::size_t index) const {
    if (index >= size_) return kNone;
    return data_[index];
  }

  // Return the first / last element; panic at the caller if the vector is empty.
  T& front(SourceLocation loc = SourceLocation::Current()) { return data_[CheckIndex({0, loc})]; }
  const T& front(SourceLocation loc = SourceLocation::Current()) const {
    return data_[CheckIndex({0, loc})];
  }
  T& back(SourceLocation loc = SourceLocation::Current()) {
    return data_[CheckIndex({size_ - 1, loc})];
  }
  const T& back(SourceLocation loc = SourceLocation::Current()) const {
    return data_[CheckIndex({size_ - 1, loc})];
  }

  T* data() { return data_; }
  const T* data() const { return data_; }
  T* begin() { return data_; }
  const T* begin() const { return data_; }
  T* end() { return data_ + size_; }
  const T* end() const { return data_ + size_; }

  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }

  friend bool operator==(const Vector& a, const Vector& b)
    requires std::equality_comparable<T>
  {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i) {
      if (!(a.data_[i] == b.data_[i])) return false;
    }
    return true;
  }

 private:
  // The capacity a full vector grows to: double, and at least what a 64-byte start holds.
  std::size_t NextCapacity() const {
    constexpr std::size_t kFirst = sizeof(T) >= 16 ? 4 : 64 / sizeof(T);
    return capacity_ == 0 ? kFirst : capacity_ * 2;
  }

  // Constructs a new last element from `args`. Requires size_ < capacity_.
  template <typename... Args>
  void Construct(Args&&... args) {
    ::new (static_cast<void*>(data_ + size_)) T(std::forward<Args>(args)...);
    ++size_;
  }

  // Moves the elements to new storage of `capacity` (>= size_) slots.
  Result<void> Reallocate(std::size_t capacity) {
    T* fresh = memory::AllocateArray<T>(capacity);
    if (fresh == nullptr) return Err(Error::kOutOfMemory);
    MoveTo(fresh);
    Adopt(fresh, capacity);
    return Ok();
  }

  // Appends to a full vector: builds the element in the new storage first, so that
  // `args` may still refer to the old elements.
  template <typename... Args>
  Result<void> GrowAndEmplace(Args&&... args) {
    const std::size_t capacity = NextCapacity();
    T* fresh = memory::AllocateArray<T>(capacity);
    if (fresh == nullptr) return Err(Error::kOutOfMemory);
    ::new (static_cast<void*>(fresh + size_)) T(std::forward<Args>(args)...);
    MoveTo(fresh);
    Adopt(fresh, capacity);
    ++size_;
    return Ok();
  }

  // Move-constructs the elements into `fresh` and destroys them here (size_ is kept).
  void MoveTo(T* fresh) {
    for (std::size_t i = 0; i < size_; ++i) {
      ::new (static_cast<void*>(fresh + i)) T(std::move(data_[i]));
      data_[i].~T();
    }
  }

  // Frees the old storage (whose elements were moved out) and takes `fresh`.
  void Adopt(T* fresh, std::size_t capacity) {
    if (data_ != nullptr) {
      // SAFETY: data_ came from AllocateArray<T>(capacity_) and holds no live object.
      memory::FreeArray(data_, capacity_);
    }
    data_ = fresh;
    capacity_ = capacity;
  }

  // Destroys elements [new_size, size_), last first.
  void DestroyFrom(std::size_t new_size) {
    if constexpr (!std::is_trivially_destructible_v<T>) {
      while (size_ > new_size) data_[--size_].~T();
    }
    size_ = new_size;
  }

  void Free() {
    DestroyFrom(0);
    Adopt(nullptr, 0);
  }

  void CheckAllocated(const Result<void>& result, std::size_t elements, SourceLocation loc) const {
    if (result.is_error()) [[unlikely]] {
      libk::internal::PanicFormatted(loc, "", "Vector: out of memory for {} elements of {} bytes",
                                     elements, sizeof(T));
    }
  }

  std::size_t CheckIndex(CheckedIndex index) const {
    if (index.value >= size_) [[unlikely]] {
      Panic("Vector index out of range", index.location);
    }
    return index.value;
  }

  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// A Vector is Send when its elements are.
template <typename T>
inline constexpr bool kNotSend<Vector<T>> = kNotSend<T>;

}  // namespace libk
