// Lazy<T>: a value computed on first use, exactly once, however many threads ask for it
// (the job of Rust's lazy_static). constexpr-constructible and trivially destructible, so
// a global Lazy costs no static constructor or destructor: `constinit Lazy<Table> g(&Make);`
#pragma once

#include <new>

#include "libk/sync/once.h"

namespace libk {

// Holds a T made by `init()` on the first Get(). The value is never destroyed (like
// lazy_static, and as a kernel never exits), so T's destructor never runs. Concurrent
// first calls are safe: one runs `init`, the others wait for it. `init` must not call
// Get() on the same Lazy (that would spin forever).
template <typename T, typename Init = T (*)()>
class Lazy {
 public:
  constexpr explicit Lazy(Init init) : init_(init) {}

  Lazy(const Lazy&) = delete;
  Lazy& operator=(const Lazy&) = delete;
  ~Lazy() = default;

  // Returns the value, making it first if no call has yet.
  T& Get() {
    once_.CallOnce([this] { value_ = ::new (static_cast<void*>(storage_)) T(init_()); });
    return *value_;
  }

  T& operator*() { return Get(); }
  T* operator->() { return __builtin_addressof(Get()); }

  // Returns whether the value has been made.
  [[nodiscard]] bool IsInitialized() const { return once_.IsCompleted(); }

 private:
  Once once_;
  Init init_;
  // Points into `storage_` once made; written before `once_` completes, read after.
  T* value_ = nullptr;
  alignas(T) unsigned char storage_[sizeof(T)] = {};
};

}  // namespace libk
