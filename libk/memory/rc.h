// Rc<T>: a value on the heap shared by several owners on one CPU, freed with the last one
// (Rust's Rc). Counts are plain integers, so an Rc must never reach another CPU or an
// interrupt handler: it is not Send (see send.h), and Arc<Rc<T>> does not compile.
// WeakRc<T> refers to the value without keeping it alive.
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

template <typename T>
class WeakRc;

// Copying an Rc adds an owner; the value is destroyed when the last Rc goes, and the
// memory when the last WeakRc goes too. Dereferencing an empty (moved-from) Rc panics.
template <typename T>
class Rc final : public internal::StrongRef<T, internal::LocalCount> {
  using Base = internal::StrongRef<T, internal::LocalCount>;

 public:
  constexpr Rc() = default;

  // Returns a weak handle to the value.
  WeakRc<T> Downgrade() const { return WeakRc<T>(this->box()); }

 private:
  friend class WeakRc<T>;
  template <typename U, typename... Args>
  friend Result<Rc<U>> TryMakeRc(Args&&... args);

  explicit Rc(typename Base::Box* box) : Base(box) {}
};

template <typename T>
class WeakRc final : public internal::WeakRef<T, internal::LocalCount> {
  using Base = internal::WeakRef<T, internal::LocalCount>;

 public:
  constexpr WeakRc() = default;

  // Returns a new owner of the value, or nothing if the value is gone.
  Optional<Rc<T>> Upgrade() const {
    if (auto* box = this->TakeStrong()) return Rc<T>(box);
    return kNone;
  }

 private:
  friend class Rc<T>;
  explicit WeakRc(typename Base::Box* box) : Base(box) {}
};

// Returns an Rc owning a new T constructed from `args`, or Error::kOutOfMemory.
template <typename T, typename... Args>
Result<Rc<T>> TryMakeRc(Args&&... args) {
  auto* box = memory::New<internal::RefBox<T, internal::LocalCount>>(std::forward<Args>(args)...);
  if (box == nullptr) return Err(Error::kOutOfMemory);
  return Rc<T>(box);
}

// As TryMakeRc, but panics when out of memory.
template <typename T, typename... Args>
Rc<T> MakeRc(Args&&... args) {
  Result<Rc<T>> made = TryMakeRc<T>(std::forward<Args>(args)...);
  LIBK_ASSERT(made.is_ok(), "out of memory for an Rc of {} bytes", sizeof(T));
  return std::move(made).value();
}

template <typename T>
inline constexpr bool kNotSend<Rc<T>> = true;
template <typename T>
inline constexpr bool kNotSend<WeakRc<T>> = true;

}  // namespace libk
