// The machinery Rc and Arc share: the heap box that holds the value with its two counts,
// and the strong and weak handles over it. The count type decides the rest: plain
// integers for Rc, atomics for Arc.
#pragma once

#include <atomic>
#include <cstddef>
#include <new>
#include <utility>

#include "libk/memory/allocation.h"
#include "libk/panic/panic.h"

namespace libk::internal {

// A reference count for one CPU.
class LocalCount {
 public:
  constexpr explicit LocalCount(std::size_t n) : n_(n) {}
  void Increment() { ++n_; }
  // Decrements; returns whether the count reached zero.
  bool Decrement() { return --n_ == 0; }
  // Increments unless the count is zero; returns whether it did.
  bool IncrementIfNonZero() {
    if (n_ == 0) return false;
    ++n_;
    return true;
  }
  std::size_t Load() const { return n_; }

 private:
  std::size_t n_;
};

// A reference count shared by CPUs. Increments need no ordering (the caller already holds
// a reference); the decrement that reaches zero must see every other holder's writes to
// the value before destroying it, hence acquire-release.
class AtomicCount {
 public:
  constexpr explicit AtomicCount(std::size_t n) : n_(n) {}
  void Increment() { n_.fetch_add(1, std::memory_order_relaxed); }
  bool Decrement() { return n_.fetch_sub(1, std::memory_order_acq_rel) == 1; }
  bool IncrementIfNonZero() {
    std::size_t n = n_.load(std::memory_order_relaxed);
    while (n != 0) {
      if (n_.compare_exchange_weak(n, n + 1, std::memory_order_acquire,
                                   std::memory_order_relaxed)) {
        return true;
      }
    }
    return false;
  }
  std::size_t Load() const { return n_.load(std::memory_order_acquire); }

 private:
  std::atomic<std::size_t> n_;
};

// The value and its counts, in one allocation. `strong` counts the strong handles; `weak`
// counts the weak handles plus one for all the strong ones together. The value lives
// while strong > 0; the box while weak > 0.
template <typename T, typename Count>
struct RefBox {
  template <typename... Args>
  explicit RefBox(Args&&... args) : strong(1), weak(1) {
    ::new (static_cast<void*>(&value)) T(std::forward<Args>(args)...);
  }
  RefBox(const RefBox&) = delete;
  RefBox& operator=(const RefBox&) = delete;
  // The value is destroyed by the last strong handle, not here.
  ~RefBox() {}  // NOLINT(modernize-use-equals-default): the union member must not be destroyed.

  Count strong;
  Count weak;
  union {
    T value;
  };
};

// Releases one weak count of `box` (null: nothing), freeing the box at zero.
template <typename Box>
void ReleaseWeak(Box* box) {
  if (box != nullptr && box->weak.Decrement()) {
    // SAFETY: the last count of any kind: nothing refers to the box any more.
    memory::Delete(box);
  }
}

// A strong handle: keeps the value alive. Invariant: box_ is null or holds one of the
// box's strong counts.
template <typename T, typename Count>
class StrongRef {
 public:
  using Box = RefBox<T, Count>;

  constexpr StrongRef() = default;
  StrongRef(const StrongRef& other) : box_(other.box_) {
    if (box_ != nullptr) box_->strong.Increment();
  }
  StrongRef(StrongRef&& other) noexcept : box_(std::exchange(other.box_, nullptr)) {}
  StrongRef& operator=(const StrongRef& other) {
    if (this != &other) {
      StrongRef copy(other);
      std::swap(box_, copy.box_);
    }
    return *this;
  }
  StrongRef& operator=(StrongRef&& other) noexcept {
    StrongRef moved(std::move(other));
    std::swap(box_, moved.box_);
    return *this;
  }
  ~StrongRef() { Release(); }

  // Drops this handle's reference and holds nothing.
  void Reset() {
    Release();
    box_ = nullptr;
  }

  T* get() const { return box_ == nullptr ? nullptr : &box_->value; }
  explicit operator bool() const { return box_ != nullptr; }
  T& operator*() const {
    LIBK_ASSERT(box_ != nullptr, "dereferencing an empty reference-counted pointer");
    return box_->value;
  }
  T* operator->() const { return &**this; }

  // Returns how many strong handles share the value (0 for an empty handle).
  std::size_t StrongCount() const { return box_ == nullptr ? 0 : box_->strong.Load(); }
  // Returns how many weak handles refer to the value (0 for an empty handle).
  std::size_t WeakCount() const {
    if (box_ == nullptr) return 0;
    // One weak count stands for the strong handles while there are any.
    return box_->weak.Load() - 1;
  }

  // Returns whether both share one value (or are both empty).
  friend bool operator==(const StrongRef& a, const StrongRef& b) { return a.box_ == b.box_; }

 protected:
  // Adopts one strong count of `box`.
  explicit StrongRef(Box* box) : box_(box) {}
  Box* box() const { return box_; }

 private:
  void Release() {
    if (box_ != nullptr && box_->strong.Decrement()) {
      box_->value.~T();
      ReleaseWeak(box_);
    }
  }

  Box* box_ = nullptr;
};

// A weak handle: keeps the box (not the value) alive. Invariant: box_ is null or holds one
// of the box's weak counts.
template <typename T, typename Count>
class WeakRef {
 public:
  using Box = RefBox<T, Count>;

  constexpr WeakRef() = default;
  WeakRef(const WeakRef& other) : box_(other.box_) {
    if (box_ != nullptr) box_->weak.Increment();
  }
  WeakRef(WeakRef&& other) noexcept : box_(std::exchange(other.box_, nullptr)) {}
  WeakRef& operator=(const WeakRef& other) {
    if (this != &other) {
      WeakRef copy(other);
      std::swap(box_, copy.box_);
    }
    return *this;
  }
  WeakRef& operator=(WeakRef&& other) noexcept {
    WeakRef moved(std::move(other));
    std::swap(box_, moved.box_);
    return *this;
  }
  ~WeakRef() { ReleaseWeak(box_); }

  // Returns whether the value is gone (or this handle is empty).
  bool Expired() const { return box_ == nullptr || box_->strong.Load() == 0; }

 protected:
  // Takes a new weak count of `box` (held by a strong handle).
  explicit WeakRef(Box* box) : box_(box) {
    if (box_ != nullptr) box_->weak.Increment();
  }
  // Returns the box with a new strong count, or null if the value is gone.
  Box* TakeStrong() const {
    if (box_ == nullptr) return nullptr;
    // The analyzer cannot see that this handle's weak count keeps the box alive.
    // NOLINTNEXTLINE(clang-analyzer-cplusplus.NewDelete)
    return box_->strong.IncrementIfNonZero() ? box_ : nullptr;
  }

 private:
  Box* box_ = nullptr;
};

}  // namespace libk::internal
