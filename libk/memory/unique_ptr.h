// UniquePtr<T>: the sole owner of a T on the heap (Rust's Box). Move-only; the object is
// destroyed and freed when its owner goes away. There is no deleter parameter: every
// UniquePtr's object comes from memory::New and goes back through memory::Delete.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include "libk/base/source_location.h"
#include "libk/memory/allocation.h"
#include "libk/memory/send.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/result.h"

namespace libk {

template <typename T>
class UniquePtr;

namespace internal {
// A UniquePtr<U> may become a UniquePtr<T> when a U* is a T* and deleting through T* is
// right: the same type, or a base with a virtual destructor.
template <typename U, typename T>
concept OwnerConvertible =
    !std::is_same_v<U, T> && std::is_convertible_v<U*, T*> &&
    (std::is_same_v<std::remove_cv_t<U>, std::remove_cv_t<T>> || std::has_virtual_destructor_v<T>);
}  // namespace internal

// Invariant: ptr_ is null or points to a live T from memory::New that nothing else owns.
template <typename T>
class UniquePtr {
  static_assert(std::is_object_v<T> && !std::is_array_v<T>,
                "UniquePtr<T> owns one object; use Vector<T> for arrays");

 public:
  constexpr UniquePtr() = default;
  constexpr UniquePtr(std::nullptr_t) {}  // NOLINT(google-explicit-constructor)

  UniquePtr(const UniquePtr&) = delete;
  UniquePtr& operator=(const UniquePtr&) = delete;

  // Takes the object of `other`, leaving it empty.
  UniquePtr(UniquePtr&& other) noexcept : ptr_(std::move(other).Release()) {}
  template <internal::OwnerConvertible<T> U>
  UniquePtr(UniquePtr<U>&& other) noexcept  // NOLINT(google-explicit-constructor)
      : ptr_(std::move(other).Release()) {}

  // Destroys the current object and takes the one of `other`, leaving it empty.
  UniquePtr& operator=(UniquePtr&& other) noexcept {
    Reset(std::move(other).Release());
    return *this;
  }

  ~UniquePtr() { Reset(); }

  // Takes ownership of `object`.
  // Safety: `object` must be null or satisfy memory::Delete's requirements for T, and
  // from now on be owned by this UniquePtr alone.
  static UniquePtr FromRaw(T* object) {
    UniquePtr owner;
    owner.ptr_ = object;
    return owner;
  }

  // Gives up the object without destroying it; the caller now owns it (and must hand it
  // to memory::Delete or FromRaw).
  [[nodiscard]] T* Release() { return std::exchange(ptr_, nullptr); }

  // Destroys the current object, if any, and owns nothing.
  void Reset() { Reset(nullptr); }

  T* get() const { return ptr_; }
  explicit operator bool() const { return ptr_ != nullptr; }

  // Return the object; panic if there is none.
  T& operator*() const {
    LIBK_ASSERT(ptr_ != nullptr, "dereferencing an empty UniquePtr");
    return *ptr_;
  }
  T* operator->() const {
    LIBK_ASSERT(ptr_ != nullptr, "dereferencing an empty UniquePtr");
    return ptr_;
  }

  friend bool operator==(const UniquePtr& a, const UniquePtr& b) { return a.ptr_ == b.ptr_; }
  friend bool operator==(const UniquePtr& a, std::nullptr_t) { return a.ptr_ == nullptr; }

 private:
  template <typename U>
  friend class UniquePtr;

  void Reset(T* replacement) {
    T* old = std::exchange(ptr_, replacement);
    // SAFETY: the invariant: old came from memory::New and was owned by this alone.
    memory::Delete(old);
  }

  T* ptr_ = nullptr;
};

// Returns a UniquePtr to a new T constructed from `args`, or Error::kOutOfMemory.
template <typename T, typename... Args>
Result<UniquePtr<T>> TryMakeUnique(Args&&... args) {
  T* object = memory::New<T>(std::forward<Args>(args)...);
  if (object == nullptr) return Err(Error::kOutOfMemory);
  // SAFETY: a fresh object from memory::New, owned by no one yet.
  return UniquePtr<T>::FromRaw(object);
}

// Returns a UniquePtr to a new T constructed from `args`; panics when out of memory (at
// this header: use TryMakeUnique(...).UnwrapOrPanic() to report the caller).
template <typename T, typename... Args>
UniquePtr<T> MakeUnique(Args&&... args) {
  T* object = memory::New<T>(std::forward<Args>(args)...);
  LIBK_ASSERT(object != nullptr, "out of memory for a {}-byte object", sizeof(T));
  // SAFETY: a fresh object from memory::New, owned by no one yet.
  return UniquePtr<T>::FromRaw(object);
}

// A UniquePtr is Send when its object is.
template <typename T>
inline constexpr bool kNotSend<UniquePtr<T>> = kNotSend<T>;

}  // namespace libk
