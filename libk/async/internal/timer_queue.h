// The executor's timer queue: sleeping awaiters (TimerNode, in their task's frame) in
// deadline order, earliest first, ties in the order they were added. Inserting scans from
// the latest deadline back, so deadlines that arrive in roughly increasing order (periodic
// sleeps, timeouts of similar length) insert in O(1); the worst case is linear in the
// number of sleepers. Executor thread only, except DueAt: timers fire from the run loop,
// and an interrupt handler (the kernel's tick hook) only asks whether one is due, through
// the earliest deadline the queue publishes in one atomic word after every change.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "libk/async/internal/intrusive_list.h"
#include "libk/async/internal/slot.h"
#include "libk/async/time.h"
#include "libk/result/optional.h"

namespace libk::async::internal {

// A deadline and the wait to wake at it.
struct TimerNode : ListNode<TimerNode> {
  Instant deadline;
  TaskToken waker;
};

// Invariant: between calls, published_ holds the earliest linked deadline in ticks, or
// kNothingPublished if no node is linked.
class TimerQueue {
 public:
  TimerQueue() = default;
  TimerQueue(const TimerQueue&) = delete;
  TimerQueue& operator=(const TimerQueue&) = delete;
  ~TimerQueue() = default;

  // Links `node` (not linked) in deadline order, after nodes with the same deadline.
  void Insert(TimerNode& node) {
    TimerNode* after = nodes_.back();
    while (after != nullptr && after->deadline > node.deadline) {
      after = IntrusiveList<TimerNode>::Prev(*after);
    }
    nodes_.InsertBefore(after != nullptr ? IntrusiveList<TimerNode>::Next(*after) : nodes_.front(),
                        node);
    Publish();
  }

  // Unlinks `node`, which is linked.
  void Remove(TimerNode& node) {
    nodes_.Remove(node);
    Publish();
  }

  // Returns the earliest deadline, if any node is linked.
  Optional<Instant> Earliest() const {
    if (nodes_.empty()) return kNone;
    return nodes_.front()->deadline;
  }

  // Unlinks every node whose deadline is at or before `now`, earliest first, and calls
  // `wake(token)` for each. Returns how many fired.
  template <typename Wake>
  std::size_t Expire(Instant now, Wake wake) {
    std::size_t fired = 0;
    while (!nodes_.empty() && nodes_.front()->deadline <= now) {
      TimerNode* node = nodes_.PopFront();
      wake(node->waker);
      ++fired;
    }
    if (fired != 0) Publish();
    return fired;
  }

  // Returns whether the published earliest deadline is at or before `now`: whether a timer
  // is due. Safe from an interrupt handler (and another CPU): it reads one atomic word and
  // takes no lock. A change the interrupt lands in the middle of is seen as the state
  // before it; the caller must make up for that (the idle loop asks again, with interrupts
  // disabled, before it halts: docs/async.md, "Timers").
  bool DueAt(Instant now) const {
    const std::uint64_t earliest = published_.load(std::memory_order_acquire);
    return earliest != kNothingPublished && earliest <= now.ticks();
  }

  bool empty() const { return nodes_.empty(); }

 private:
  // Published when no node is linked. A deadline of the last representable instant (a
  // saturated timeout: "never") is published as this too, and is never due for DueAt.
  static constexpr std::uint64_t kNothingPublished = ~std::uint64_t{0};

  void Publish() {
    published_.store(nodes_.empty() ? kNothingPublished : nodes_.front()->deadline.ticks(),
                     std::memory_order_release);
  }

  IntrusiveList<TimerNode> nodes_;
  std::atomic<std::uint64_t> published_{kNothingPublished};
};

}  // namespace libk::async::internal
