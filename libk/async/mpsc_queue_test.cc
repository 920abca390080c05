// BoundedMpscQueue on one thread, against a std::deque of the same capacity: pushes fail
// exactly when the model is full (each failure counted), pops come out in push order,
// IsEmpty agrees, and values left in the queue are destroyed with it.
#include "libk/async/mpsc_queue.h"

#include <cstdint>
#include <deque>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/testing/counted.h"

namespace libk::async {
namespace {

template <std::size_t kCapacity>
void CheckAgainstDeque() {
  BoundedMpscQueue<std::uint32_t, kCapacity> queue;
  std::deque<std::uint32_t> model;
  std::uint64_t failures = 0;
  const int steps = *rc::gen::inRange(0, 400);
  for (int step = 0; step < steps; ++step) {
    if (*rc::gen::inRange(0, 5) < 3) {
      const auto value = static_cast<std::uint32_t>(step);
      const bool pushed = queue.TryPush(value);
      RC_ASSERT(pushed == (model.size() < kCapacity));
      if (pushed) {
        model.push_back(value);
      } else {
        ++failures;
      }
    } else {
      Optional<std::uint32_t> popped = queue.TryPop();
      RC_ASSERT(popped.has_value() == !model.empty());
      if (popped.has_value()) {
        RC_ASSERT(*popped == model.front());
        model.pop_front();
      }
    }
    RC_ASSERT(queue.IsEmpty() == model.empty());
    RC_ASSERT(queue.overflows() == failures);
  }
}

RC_GTEST_PROP(MpscQueueTest, BehavesLikeABoundedDequeOfCapacity2, ()) { CheckAgainstDeque<2>(); }
RC_GTEST_PROP(MpscQueueTest, BehavesLikeABoundedDequeOfCapacity8, ()) { CheckAgainstDeque<8>(); }
RC_GTEST_PROP(MpscQueueTest, BehavesLikeABoundedDequeOfCapacity64, ()) { CheckAgainstDeque<64>(); }

TEST(MpscQueueTest, DestroysTheValuesItStillHolds) {
  const int live_before = testing::Counted::live();
  {
    BoundedMpscQueue<testing::Counted, 4> queue;
    for (int i = 0; i < 6; ++i) (void)queue.TryPush(testing::Counted(i));
    EXPECT_EQ(queue.overflows(), 2U);
    EXPECT_EQ(queue.TryPop()->value(), 0);
    EXPECT_EQ(testing::Counted::live(), live_before + 3);
  }
  EXPECT_EQ(testing::Counted::live(), live_before);
  EXPECT_EQ(testing::Counted::errors(), 0);
}

TEST(MpscQueueTest, WrapsAroundManyLaps) {
  BoundedMpscQueue<std::uint64_t, 4> queue;
  for (std::uint64_t i = 0; i < 10000; ++i) {
    ASSERT_TRUE(queue.TryPush(i));
    ASSERT_TRUE(queue.TryPush(i + 1));
    ASSERT_EQ(queue.TryPop().value(), i);
    ASSERT_EQ(queue.TryPop().value(), i + 1);
  }
  EXPECT_TRUE(queue.IsEmpty());
  EXPECT_EQ(queue.capacity(), 4U);
}

}  // namespace
}  // namespace libk::async
