// The executor's timer queue: sleeping awaiters (TimerNode, in their task's frame) in
// deadline order, earliest first, ties in the order they were added. Inserting scans from
// the latest deadline back, so deadlines that arrive in roughly increasing order (periodic
// sleeps, timeouts of similar length) insert in O(1); the worst case is linear in the
// number of sleepers. Executor thread only: timers fire from the run loop, not from
// interrupt handlers.
#pragma once

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
  }

  // Unlinks `node`, which is linked.
  void Remove(TimerNode& node) { nodes_.Remove(node); }

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
    return fired;
  }

  bool empty() const { return nodes_.empty(); }

 private:
  IntrusiveList<TimerNode> nodes_;
};

}  // namespace libk::async::internal
