// Atomic load/store/exchange/compare-exchange on plain integers and pointers, over the
// compiler's __atomic builtins with an explicit memory order at every call. The locks
// here use these rather than <atomic> so that //libk/sync builds on the host and in the
// freestanding kernel with no other dependency. A variable touched through these
// functions must be touched only through them.
#pragma once

namespace libk::atomic_ops {

// The C++ memory orders, with the builtins' values.
enum class Order : int {
  kRelaxed = __ATOMIC_RELAXED,
  kAcquire = __ATOMIC_ACQUIRE,
  kRelease = __ATOMIC_RELEASE,
  kAcqRel = __ATOMIC_ACQ_REL,
  kSeqCst = __ATOMIC_SEQ_CST,
};

// True for the types these functions accept: those the CPU reads and writes atomically
// without a lock.
template <typename T>
concept LockFree = __atomic_always_lock_free(sizeof(T), nullptr);

// Returns `*p`. `kOrder` is one of kRelaxed, kAcquire, kSeqCst.
template <Order kOrder, LockFree T>
[[gnu::always_inline]] inline T Load(const T* p) {
  static_assert(kOrder != Order::kRelease && kOrder != Order::kAcqRel,
                "a load cannot have release semantics");
  return __atomic_load_n(p, static_cast<int>(kOrder));
}

// Sets `*p` to `value`. `kOrder` is one of kRelaxed, kRelease, kSeqCst.
template <Order kOrder, LockFree T>
[[gnu::always_inline]] inline void Store(T* p, T value) {
  static_assert(kOrder != Order::kAcquire && kOrder != Order::kAcqRel,
                "a store cannot have acquire semantics");
  __atomic_store_n(p, value, static_cast<int>(kOrder));
}

// Sets `*p` to `value` and returns the previous value.
template <Order kOrder, LockFree T>
[[gnu::always_inline]] inline T Exchange(T* p, T value) {
  return __atomic_exchange_n(p, value, static_cast<int>(kOrder));
}

// If `*p == *expected`, sets `*p` to `desired` with `kSuccess` ordering and returns true;
// otherwise stores the current value in `*expected` with `kFailure` ordering and returns
// false. Never fails spuriously.
template <Order kSuccess, Order kFailure, LockFree T>
[[gnu::always_inline]] inline bool CompareExchange(T* p, T* expected, T desired) {
  static_assert(kFailure != Order::kRelease && kFailure != Order::kAcqRel,
                "a failed compare-exchange is a load: it cannot have release semantics");
  return __atomic_compare_exchange_n(p, expected, desired, /*weak=*/false,
                                     static_cast<int>(kSuccess), static_cast<int>(kFailure));
}

}  // namespace libk::atomic_ops
