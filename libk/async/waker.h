// Waker: a copyable handle that makes one wait of one task runnable again. It names the
// task's slot and the wait's stamp, so a wake that comes late — after the await
// completed, the task ended or its slot was reused — is harmless. Awaitables get one from
// the TaskContext they are suspended with, and hand it to whatever will complete the wait
// (a timer, a channel's producer, an interrupt handler).
#pragma once

#include <cstdint>

#include "libk/async/executor.h"
#include "libk/async/internal/slot.h"

namespace libk::async {

class Waker {
 public:
  // Makes a waker that wakes nothing.
  constexpr Waker() = default;
  constexpr Waker(Executor& executor, internal::TaskToken token)
      : executor_(&executor), token_(token) {}

  // Wakes the wait, if it is still current. Safe from any thread or interrupt handler
  // while the executor exists; never blocks or allocates (see Executor::Wake).
  void Wake() const {
    if (executor_ != nullptr) executor_->Wake(token_);
  }

  // Returns whether the waker wakes nothing.
  constexpr bool empty() const { return executor_ == nullptr; }
  constexpr Executor* executor() const { return executor_; }
  constexpr internal::TaskToken token() const { return token_; }

  friend constexpr bool operator==(const Waker&, const Waker&) = default;

 private:
  Executor* executor_ = nullptr;
  internal::TaskToken token_;
};

}  // namespace libk::async
