// AtomicWaker: the one waker of a single consumer, registered afresh for each wait and
// taken by whichever producer — a task, an interrupt handler, another CPU — next has
// something for it. Registration and waking are lock-free. The protocol that makes it
// lose no wake-up (Dekker's: each side writes, fences, then reads the other's write):
//   consumer: Register(waker); std::atomic_thread_fence(seq_cst); check the condition
//             again, and suspend only if it still does not hold;
//   producer: make the condition true; std::atomic_thread_fence(seq_cst); Wake().
// Either the consumer's re-check sees the producer's change, or the producer's Wake sees
// the consumer's registration.
#pragma once

#include <atomic>
#include <cstdint>

#include "libk/async/executor.h"
#include "libk/async/internal/slot.h"
#include "libk/async/waker.h"
#include "libk/panic/panic.h"

namespace libk::async {

class AtomicWaker {
 public:
  AtomicWaker() = default;
  AtomicWaker(const AtomicWaker&) = delete;
  AtomicWaker& operator=(const AtomicWaker&) = delete;
  ~AtomicWaker() = default;

  // Registers `waker`, replacing the one registered before. Consumer only; all its wakers
  // must come from one executor.
  void Register(const Waker& waker) {
    const Executor* registered = executor_.load(std::memory_order_relaxed);
    const bool same_executor = registered == nullptr || registered == waker.executor();
    LIBK_ASSERT(same_executor, "an AtomicWaker's consumer moved to another executor");
    executor_.store(waker.executor(), std::memory_order_relaxed);
    // Release: a producer that takes the token also sees `executor_`.
    token_.store(waker.token().Pack(), std::memory_order_release);
  }

  // Wakes the registered waker, if any, and forgets it. Safe from any context.
  void Wake() {
    const std::uint64_t token = token_.exchange(internal::kNoToken, std::memory_order_acq_rel);
    if (token == internal::kNoToken) return;
    executor_.load(std::memory_order_relaxed)->Wake(internal::TaskToken::Unpack(token));
  }

 private:
  std::atomic<Executor*> executor_{nullptr};
  std::atomic<std::uint64_t> token_{internal::kNoToken};
};

}  // namespace libk::async
