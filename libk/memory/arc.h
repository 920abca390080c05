// Arc<T>: a value on the heap shared by owners on any CPU, freed with the last one (Rust's
// Arc). The counts are atomic. T must be Send, and T itself must make its concurrent use
// safe (a Mutex, atomics, or no writes): Arc shares, it does not lock. WeakArc<T> refers
// to the value without keeping it alive.
#pragma once

#include <utility>

#include "libk/memory/allocation.h"
#include "libk/memory/internal/ref_count.h"
#include "libk/memory/send.h"
#include "libk/panic/panic.h"
#include "libk/result/error.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

namespace libk {

template <Send T>
class WeakArc;

// Copying an Arc adds an owner; the value is destroyed when the last Arc goes, and the
// memory when the last WeakArc goes too. Each handle must be used by one CPU at a time
// (copy it to share); only the value is shared.
template <Send T>
class Arc final : public internal::StrongRef<T, internal::AtomicCount> {
  using Base = internal::StrongRef<T, internal::AtomicCount>;

 public:
  constexpr Arc() = default;

  // Returns a weak handle to the value.
  WeakArc<T> Downgrade() const { return WeakArc<T>(this->box()); }

 private:
  friend class WeakArc<T>;
  template <Send U, typename... Args>
  friend Result<Arc<U>> TryMakeArc(Args&&... args);

  explicit Arc(typename Base::Box* box) : Base(box) {}
};

template <Send T>
class WeakArc final : public internal::WeakRef<T, internal::AtomicCount> {
  using Base = internal::WeakRef<T, internal::AtomicCount>;

 public:
  constexpr WeakArc() = default;

  // Returns a new owner of the value, or nothing if the value is gone.
  Optional<Arc<T>> Upgrade() const {
    if (auto* box = this->TakeStrong()) return Arc<T>(box);
    return kNone;
  }

 private:
  friend class Arc<T>;
  explicit WeakArc(typename Base::Box* box) : Base(box) {}
};

// Returns an Arc owning a new T constructed from `args`, or Error::kOutOfMemory.
template <Send T, typename... Args>
Result<Arc<T>> TryMakeArc(Args&&... args) {
  auto* box = memory::New<internal::RefBox<T, internal::AtomicCount>>(std::forward<Args>(args)...);
  if (box == nullptr) return Err(Error::kOutOfMemory);
  return Arc<T>(box);
}

// As TryMakeArc, but panics when out of memory.
template <Send T, typename... Args>
Arc<T> MakeArc(Args&&... args) {
  Result<Arc<T>> made = TryMakeArc<T>(std::forward<Args>(args)...);
  LIBK_ASSERT(made.is_ok(), "out of memory for an Arc of {} bytes", sizeof(T));
  return std::move(made).value();
}

}  // namespace libk
