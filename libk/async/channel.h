// Channel<T, N>: a bounded queue that producers push into from any context — tasks,
// interrupt handlers, other CPUs — and one task awaits: `while (auto key =
// co_await keys.Next()) { ... }`. A push never blocks: when the channel is full the value
// is dropped and counted in overflows(). The kernel's keyboard and serial streams are a
// Channel that an interrupt handler pushes raw bytes into.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "libk/async/atomic_waker.h"
#include "libk/async/awaiter.h"
#include "libk/async/mpsc_queue.h"
#include "libk/result/optional.h"
#include "libk/sync/cpu_relax.h"

namespace libk::async {

template <typename T, std::size_t kCapacity>
class Channel {
 public:
  // Waits for the next value: gives it, or nothing once the channel is closed and empty.
  class NextAwaiter : public Awaiter {
   public:
    NextAwaiter(const NextAwaiter&) = delete;
    NextAwaiter& operator=(const NextAwaiter&) = delete;
    ~NextAwaiter() = default;

    bool await_ready() {
      value_ = channel_.queue_.TryPop();
      return value_.has_value() || channel_.closed();
    }
    bool await_suspend(TaskContext context) {
      channel_.consumer_.Register(context.waker());
      std::atomic_thread_fence(std::memory_order_seq_cst);  // See atomic_waker.h.
      return !await_ready();
    }
    // Woken by a push (whose value may still be landing, when it came from another CPU)
    // or by Close.
    Optional<T> await_resume() {
      while (!value_.has_value()) {
        value_ = channel_.queue_.TryPop();
        if (value_.has_value() || (channel_.closed() && channel_.queue_.IsEmpty())) break;
        CpuRelax();
      }
      return std::move(value_);
    }

   private:
    friend class Channel;
    explicit NextAwaiter(Channel& channel) : channel_(channel) {}

    Channel& channel_;
    Optional<T> value_;
  };

  Channel() = default;
  Channel(const Channel&) = delete;
  Channel& operator=(const Channel&) = delete;
  ~Channel() = default;

  // Pushes `value` and wakes the consumer; returns false (and drops the value) if the
  // channel is full — counted in overflows() — or closed. Safe from any context.
  bool TryPush(T value) {
    if (closed()) return false;
    if (!queue_.TryPush(std::move(value))) return false;
    std::atomic_thread_fence(std::memory_order_seq_cst);  // See atomic_waker.h.
    consumer_.Wake();
    return true;
  }

  // Closes the channel: pushes fail from now on, and the consumer gets the values already
  // pushed, then nothing. Pushes still in progress on other CPUs may be lost; close a
  // channel after its producers are done.
  void Close() {
    closed_.store(true, std::memory_order_release);
    std::atomic_thread_fence(std::memory_order_seq_cst);
    consumer_.Wake();
  }

  // Returns the awaitable for the next value. Consumer only: one task awaits a channel.
  [[nodiscard]] NextAwaiter Next() { return NextAwaiter(*this); }

  // Takes the next value without waiting, if one is there. Consumer only.
  Optional<T> TryNext() { return queue_.TryPop(); }

  bool closed() const { return closed_.load(std::memory_order_acquire); }

  // Returns how many pushes found the channel full.
  std::uint64_t overflows() const { return queue_.overflows(); }

 private:
  BoundedMpscQueue<T, kCapacity> queue_;
  AtomicWaker consumer_;
  std::atomic<bool> closed_{false};
};

}  // namespace libk::async
