// Once: runs an initialisation exactly once however many threads ask for it
// (std::call_once semantics, no allocation, constexpr-constructible so it can be a global
// with no static constructor). The building block of Lazy<T>.
#pragma once

#include <cstdint>
#include <utility>

#include "libk/sync/atomic_ops.h"
#include "libk/sync/cpu_relax.h"

namespace libk {

// A flag for one-time initialisation. States: incomplete -> running (one caller runs the
// function) -> complete; callers that find it running spin until it completes.
class Once {
 public:
  constexpr Once() = default;

  Once(const Once&) = delete;
  Once& operator=(const Once&) = delete;
  ~Once() = default;

  // Calls `f()` unless a call through this Once has completed; a concurrent caller waits
  // for the running call instead. When CallOnce returns, a call has completed and its
  // effects are visible to the caller. If `f` exits by an exception (host only) the Once
  // stays incomplete and a later caller runs its own `f`. Calling CallOnce on the same
  // Once from inside `f` spins forever.
  template <typename F>
  void CallOnce(F&& f) {  // NOLINT(cppcoreguidelines-missing-std-forward): CallOnceSlow forwards.
    if (IsCompleted()) [[likely]] {
      return;
    }
    CallOnceSlow<F>(f);
  }

  // Returns whether a call has completed (and, if so, makes its effects visible).
  [[nodiscard]] bool IsCompleted() const {
    return atomic_ops::Load<atomic_ops::Order::kAcquire>(&state_) == kComplete;
  }

 private:
  static constexpr std::uint32_t kIncomplete = 0;
  static constexpr std::uint32_t kRunning = 1;
  static constexpr std::uint32_t kComplete = 2;

  // Publishes the outcome of a call when it ends: complete if it returned, incomplete
  // again if it was unwound by an exception.
  struct Publisher {
    explicit Publisher(Once& o) : once(o) {}
    Publisher(const Publisher&) = delete;
    Publisher& operator=(const Publisher&) = delete;
    Once& once;
    std::uint32_t outcome = kIncomplete;
    ~Publisher() { atomic_ops::Store<atomic_ops::Order::kRelease>(&once.state_, outcome); }
  };

  // `f` is CallOnce's forwarding reference; F keeps its value category.
  template <typename F>
  void CallOnceSlow(F& f) {
    using atomic_ops::Order;
    while (true) {
      std::uint32_t seen = kIncomplete;
      if (atomic_ops::CompareExchange<Order::kAcquire, Order::kAcquire>(&state_, &seen, kRunning)) {
        Publisher publisher{*this};
        std::forward<F>(f)();
        publisher.outcome = kComplete;
        return;
      }
      if (seen == kComplete) {
        return;
      }
      while (atomic_ops::Load<Order::kAcquire>(&state_) == kRunning) {
        CpuRelax();
      }
    }
  }

  std::uint32_t state_ = kIncomplete;
};

}  // namespace libk
