// Internal part of keel's <atomic>: memory_order and the operations every std::atomic<T>
// has (load, store, exchange, compare-exchange). Include <atomic>, not this header.
#pragma once

#include <cstddef>

#include <__keel/move.h>
#include <__keel/traits_base.h>
#include <__keel/traits_categories.h>
#include <__keel/traits_properties.h>

namespace std {

// The values are the __ATOMIC_* constants the builtins take.
enum class memory_order : int {
  relaxed = __ATOMIC_RELAXED,
  consume = __ATOMIC_CONSUME,
  acquire = __ATOMIC_ACQUIRE,
  release = __ATOMIC_RELEASE,
  acq_rel = __ATOMIC_ACQ_REL,
  seq_cst = __ATOMIC_SEQ_CST,
};
inline constexpr memory_order memory_order_relaxed = memory_order::relaxed;
inline constexpr memory_order memory_order_consume = memory_order::consume;
inline constexpr memory_order memory_order_acquire = memory_order::acquire;
inline constexpr memory_order memory_order_release = memory_order::release;
inline constexpr memory_order memory_order_acq_rel = memory_order::acq_rel;
inline constexpr memory_order memory_order_seq_cst = memory_order::seq_cst;

namespace keel_internal {
// Returns the strongest order a failed compare-exchange (a pure load) may use for `order`.
constexpr memory_order FailureOrder(memory_order order) {
  if (order == memory_order::acq_rel) return memory_order::acquire;
  if (order == memory_order::release) return memory_order::relaxed;
  return order;
}

// Aligns T to its size, so that the CPU can access it atomically without a lock.
template <typename T>
inline constexpr size_t kAtomicAlignment = sizeof(T) > alignof(T) ? sizeof(T) : alignof(T);

// Holds a T that is only accessed atomically. Invariant: T is trivially copyable and
// always lock-free (the kernel has no libatomic to fall back on).
template <typename T>
class AtomicBase {
  static_assert(is_trivially_copyable_v<T> && is_copy_constructible_v<T> &&
                    is_move_constructible_v<T> && is_copy_assignable_v<T> &&
                    is_move_assignable_v<T>,
                "std::atomic<T> requires a trivially copyable T");
  static_assert(__atomic_always_lock_free(sizeof(T), 0),
                "std::atomic<T>: T is not always lock-free (size must be 1, 2, 4 or 8 bytes); "
                "the kernel has no libatomic");

 public:
  using value_type = T;
  static constexpr bool is_always_lock_free = true;

  constexpr AtomicBase() noexcept(is_nothrow_default_constructible_v<T>) : value_() {}
  constexpr AtomicBase(T desired) noexcept : value_(desired) {}
  AtomicBase(const AtomicBase&) = delete;
  AtomicBase& operator=(const AtomicBase&) = delete;
  AtomicBase& operator=(const AtomicBase&) volatile = delete;

  bool is_lock_free() const noexcept { return true; }

  void store(T desired, memory_order order = memory_order_seq_cst) noexcept {
    __atomic_store(Address(), std::addressof(desired), static_cast<int>(order));
  }
  T operator=(T desired) noexcept {
    store(desired);
    return desired;
  }

  T load(memory_order order = memory_order_seq_cst) const noexcept {
    alignas(T) unsigned char buffer[sizeof(T)];
    T* result = static_cast<T*>(static_cast<void*>(buffer));
    __atomic_load(Address(), result, static_cast<int>(order));
    return *result;
  }
  operator T() const noexcept { return load(); }

  // Stores `desired` and returns the value before.
  T exchange(T desired, memory_order order = memory_order_seq_cst) noexcept {
    alignas(T) unsigned char buffer[sizeof(T)];
    T* result = static_cast<T*>(static_cast<void*>(buffer));
    __atomic_exchange(Address(), std::addressof(desired), result, static_cast<int>(order));
    return *result;
  }

  // If the value equals `expected` (bytewise), replaces it with `desired` and returns true;
  // otherwise loads it into `expected` and returns false. The weak form may fail spuriously.
  bool compare_exchange_weak(T& expected, T desired, memory_order success,
                             memory_order failure) noexcept {
    return __atomic_compare_exchange(Address(), std::addressof(expected), std::addressof(desired),
                                     /*weak=*/true, static_cast<int>(success),
                                     static_cast<int>(failure));
  }
  bool compare_exchange_weak(T& expected, T desired,
                             memory_order order = memory_order_seq_cst) noexcept {
    return compare_exchange_weak(expected, desired, order, FailureOrder(order));
  }
  bool compare_exchange_strong(T& expected, T desired, memory_order success,
                               memory_order failure) noexcept {
    return __atomic_compare_exchange(Address(), std::addressof(expected), std::addressof(desired),
                                     /*weak=*/false, static_cast<int>(success),
                                     static_cast<int>(failure));
  }
  bool compare_exchange_strong(T& expected, T desired,
                               memory_order order = memory_order_seq_cst) noexcept {
    return compare_exchange_strong(expected, desired, order, FailureOrder(order));
  }

 protected:
  // T with the alignment of the storage. Accessing the value through a pointer to this type
  // tells clang the access is naturally aligned, so it emits a plain instruction rather than a
  // call to libatomic (which it would for, say, a 4-byte struct of shorts).
  using AlignedT __attribute__((aligned(kAtomicAlignment<T>))) = T;
  AlignedT* Address() noexcept { return &value_; }
  const AlignedT* Address() const noexcept { return &value_; }

  alignas(kAtomicAlignment<T>) T value_;
};
}  // namespace keel_internal

}  // namespace std
