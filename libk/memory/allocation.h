// The one place where libk's owning types (UniquePtr, Vector, Rc, Arc, String) get and
// return memory: the nothrow forms of global operator new and the sized forms of operator
// delete. On the host that is the C++ runtime's heap, so their tests run under ASan; in
// the kernel it is the kernel heap, which defines those operators. Running out of memory
// is a null pointer from nothrow new; the owning types turn it into Error::kOutOfMemory
// (their Try... functions) or a panic at the caller (the others). Each call passes a fresh
// std::nothrow_t{}: libc++ declares the object std::nothrow but defines it in its runtime
// library, which kernels do not link (kernel_symbols_test).
#pragma once

#include <cstddef>
#include <limits>
#include <new>
#include <utility>

namespace libk::memory {

// The largest allocation the owning types ask for; larger ones fail without asking.
inline constexpr std::size_t kMaxAllocationBytes =
    static_cast<std::size_t>(std::numeric_limits<std::ptrdiff_t>::max());

// Returns uninitialised storage for `count` objects of type T (`count` > 0), or null when
// out of memory or when the size overflows.
template <typename T>
[[nodiscard]] T* AllocateArray(std::size_t count) noexcept {
  if (count > kMaxAllocationBytes / sizeof(T)) return nullptr;
  const std::size_t bytes = count * sizeof(T);
  void* storage = nullptr;
  if constexpr (alignof(T) > __STDCPP_DEFAULT_NEW_ALIGNMENT__) {
    storage = ::operator new(bytes, std::align_val_t{alignof(T)}, std::nothrow_t{});
  } else {
    storage = ::operator new(bytes, std::nothrow_t{});
  }
  // SAFETY: `storage` is null or fresh storage of `bytes` bytes aligned for T, which the
  // caller fills with objects before reading any (the lint allowlists this file for it).
  return static_cast<T*>(storage);
}

// Frees storage from AllocateArray.
// Safety: `storage` must come from AllocateArray<T>(count) with this `count`, not have
// been freed, and hold no live object.
template <typename T>
void FreeArray(T* storage, std::size_t count) noexcept {
  if constexpr (alignof(T) > __STDCPP_DEFAULT_NEW_ALIGNMENT__) {
    ::operator delete(storage, count * sizeof(T), std::align_val_t{alignof(T)});
  } else {
    ::operator delete(storage, count * sizeof(T));
  }
}

// Returns a new T constructed from `args`, or null when out of memory.
template <typename T, typename... Args>
[[nodiscard]] T* New(Args&&... args) {
  return new (std::nothrow_t{}) T(std::forward<Args>(args)...);
}

// Destroys and frees an object from New (through the sized, and if needed aligned,
// operator delete that the delete expression picks).
// Safety: `object` must be null or come from New<T>, or from New<U> of a class U derived
// from T when T's destructor is virtual; it must be alive and owned by no one else.
template <typename T>
void Delete(T* object) noexcept {
  delete object;
}

}  // namespace libk::memory
