// TimerQueue against a stable sort: nodes fire in deadline order, ties in insertion order,
// removed nodes never fire, and Earliest() is the smallest linked deadline.
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

RC_GTEST_PROP(TimerQueueTest, FiresInDeadlineOrderTiesFirstComeFirstServed, ()) {
  TimerQueue queue;
  std::vector<std::unique_ptr<TimerNode>> nodes;
  struct Entry {
    std::uint64_t deadline;
    std::uint32_t id;
  };
  std::vector<Entry> model;  // Linked nodes, in insertion order.
  std::vector<std::uint32_t> fired;
  std::vector<std::uint32_t> expected_fired;
  std::uint64_t now = 0;
  const int steps = *rc::gen::inRange(0, 200);
  for (int step = 0; step < steps; ++step) {
    const int op = *rc::gen::inRange(0, 4);
    if (op <= 1) {
      const auto id = static_cast<std::uint32_t>(nodes.size());
      nodes.push_back(std::make_unique<TimerNode>());
      nodes.back()->deadline = Instant::FromTicks(now + *rc::gen::inRange<std::uint64_t>(0, 20));
      nodes.back()->waker = TaskToken{id, 0};
      queue.Insert(*nodes.back());
      model.push_back({nodes.back()->deadline.ticks(), id});
    } else if (op == 2 && !model.empty()) {
      const std::size_t pick = *rc::gen::inRange<std::size_t>(0, model.size());
      queue.Remove(*nodes[model[pick].id]);
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
  }
  for (const Entry& entry : model) queue.Remove(*nodes[entry.id]);
}

}  // namespace
}  // namespace libk::async::internal
