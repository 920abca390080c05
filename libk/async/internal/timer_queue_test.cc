// TimerQueue against a stable sort: nodes fire in deadline order, ties in insertion order,
// removed nodes never fire, Earliest() is the smallest linked deadline, and after every
// change DueAt(t) -- what the kernel's tick hook asks -- holds exactly when that deadline
// is at or before t.
#include "libk/async/internal/timer_queue.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

namespace libk::async::internal {
namespace {

struct Entry {
  std::uint64_t deadline;
  std::uint32_t id;
};

// A queue and its nodes; unlinks what is left when it goes, also when an assertion ends
// a case early (a linked node must not be destroyed).
class Nodes {
 public:
  Nodes() = default;
  Nodes(const Nodes&) = delete;
  Nodes& operator=(const Nodes&) = delete;
  ~Nodes() {
    for (const std::unique_ptr<TimerNode>& node : nodes_) {
      if (node->linked()) queue_.Remove(*node);
    }
  }

  TimerQueue& queue() { return queue_; }
  TimerNode& operator[](std::size_t id) { return *nodes_[id]; }

  // Links a new node with `deadline` and returns its id.
  std::uint32_t Add(std::uint64_t deadline) {
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(std::make_unique<TimerNode>());
    nodes_.back()->deadline = Instant::FromTicks(deadline);
    nodes_.back()->waker = TaskToken{id, 0};
    queue_.Insert(*nodes_.back());
    return id;
  }

 private:
  TimerQueue queue_;
  std::vector<std::unique_ptr<TimerNode>> nodes_;
};

// Checks what the kernel's tick hook relies on: DueAt(t) holds exactly when the earliest
// linked deadline is at or before t, for t around `now`.
void CheckPublishedDeadline(const TimerQueue& queue, const std::vector<Entry>& model,
                            std::uint64_t now) {
  const std::uint64_t probe = now + *rc::gen::inRange<std::uint64_t>(0, 25);
  for (const std::uint64_t t : {now, probe, probe == 0 ? 0 : probe - 1}) {
    const bool expected_due =
        std::ranges::any_of(model, [t](const Entry& e) { return e.deadline <= t; });
    RC_ASSERT(queue.DueAt(Instant::FromTicks(t)) == expected_due);
  }
}

RC_GTEST_PROP(TimerQueueTest, FiresInDeadlineOrderTiesFirstComeFirstServed, ()) {
  Nodes nodes;
  TimerQueue& queue = nodes.queue();
  std::vector<Entry> model;  // Linked nodes, in insertion order.
  std::vector<std::uint32_t> fired;
  std::vector<std::uint32_t> expected_fired;
  std::uint64_t now = 0;
  const int steps = *rc::gen::inRange(0, 200);
  for (int step = 0; step < steps; ++step) {
    const int op = *rc::gen::inRange(0, 4);
    if (op <= 1) {
      const std::uint64_t deadline = now + *rc::gen::inRange<std::uint64_t>(0, 20);
      model.push_back({deadline, nodes.Add(deadline)});
    } else if (op == 2 && !model.empty()) {
      const std::size_t pick = *rc::gen::inRange<std::size_t>(0, model.size());
      queue.Remove(nodes[model[pick].id]);
      model.erase(model.begin() + static_cast<std::ptrdiff_t>(pick));
    } else {
      now += *rc::gen::inRange<std::uint64_t>(0, 10);
      // The earliest deadline fires first; min_element picks the first added of equals.
      while (!model.empty()) {
        const auto earliest = std::ranges::min_element(model, {}, &Entry::deadline);
        if (earliest->deadline > now) break;
        expected_fired.push_back(earliest->id);
        model.erase(earliest);
      }
      queue.Expire(Instant::FromTicks(now), [&](TaskToken token) { fired.push_back(token.index); });
      RC_ASSERT(fired == expected_fired);
    }
    if (model.empty()) {
      RC_ASSERT(!queue.Earliest().has_value());
    } else {
      const auto earliest = std::ranges::min_element(model, {}, &Entry::deadline);
      RC_ASSERT(queue.Earliest().value().ticks() == earliest->deadline);
    }
    CheckPublishedDeadline(queue, model, now);
  }
}

TEST(TimerQueueTest, ANeverDeadlineIsNeverDue) {
  TimerQueue queue;
  TimerNode never;
  never.deadline = Instant::FromTicks(~std::uint64_t{0});
  queue.Insert(never);
  EXPECT_FALSE(queue.DueAt(Instant::FromTicks(~std::uint64_t{0} - 1)));
  EXPECT_FALSE(queue.DueAt(Instant::FromTicks(~std::uint64_t{0})));
  queue.Remove(never);
  EXPECT_FALSE(queue.DueAt(Instant::FromTicks(~std::uint64_t{0})));
}

}  // namespace
}  // namespace libk::async::internal
