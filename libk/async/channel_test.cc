// Channel: values reach the awaiting task in push order whether they were pushed before or
// after it began to wait; a full channel drops and counts; Close ends the stream after the
// values already pushed. Then the same under real threads: producers on other threads
// (standing in for interrupt handlers and other CPUs) lose no value and no wake-up.
#include "libk/async/channel.h"

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/async/executor.h"
#include "libk/async/task.h"
#include "libk/result/optional.h"

namespace libk::async {
namespace {

template <std::size_t kCapacity>
Task<void> Drain(Channel<std::uint32_t, kCapacity>* channel, std::vector<std::uint32_t>* out) {
  while (Optional<std::uint32_t> value = co_await channel->Next()) out->push_back(*value);
}

RC_GTEST_PROP(ChannelTest, DeliversPushesInOrderAndCountsDrops, ()) {
  BoundedWakeQueue<16> wakes;
  Executor executor(wakes);
  Channel<std::uint32_t, 8> channel;
  std::vector<std::uint32_t> received;
  std::vector<std::uint32_t> accepted;
  std::uint64_t dropped = 0;
  RC_ASSERT(executor.Spawn(Drain(&channel, &received)).is_ok());
  const int steps = *rc::gen::inRange(0, 300);
  std::uint32_t next = 0;
  for (int step = 0; step < steps; ++step) {
    if (*rc::gen::inRange(0, 3) != 0) {
      if (channel.TryPush(next)) {
        accepted.push_back(next);
      } else {
        ++dropped;
      }
      ++next;
    } else {
      executor.RunUntilIdle();
      RC_ASSERT(received == accepted);  // Everything pushed so far has arrived.
    }
  }
  channel.Close();
  RC_ASSERT(!channel.TryPush(next));
  executor.RunUntilIdle();
  RC_ASSERT(received == accepted);
  RC_ASSERT(channel.overflows() == dropped);
  RC_ASSERT(executor.stats().live == 0U);  // The consumer saw the end of the stream.
}

TEST(ChannelTest, TryNextTakesWithoutWaiting) {
  Channel<std::uint32_t, 4> channel;
  EXPECT_FALSE(channel.TryNext().has_value());
  ASSERT_TRUE(channel.TryPush(5));
  EXPECT_EQ(channel.TryNext().value(), 5U);
}

TEST(ChannelThreadsTest, ProducersOnOtherThreadsLoseNoValueAndNoWakeUp) {
  constexpr std::uint32_t kProducers = 3;
  constexpr std::uint32_t kPerProducer = 20000;
  BoundedWakeQueue<4> wakes;
  // The idle step of a host thread: let the producers run, then look again.
  Executor executor(wakes, Clock{},
                    IdleStep{[](void*, Executor&) {
                               std::this_thread::yield();
                               return true;
                             },
                             nullptr});
  Channel<std::uint32_t, 16> channel;
  std::vector<std::uint32_t> received;
  ASSERT_TRUE(executor.Spawn(Drain(&channel, &received)).is_ok());
  executor.RunUntilIdle();  // The consumer waits.
  std::atomic<std::uint32_t> finished{0};
  std::vector<std::thread> producers;
  producers.reserve(kProducers);
  for (std::uint32_t p = 0; p < kProducers; ++p) {
    producers.emplace_back([&, p] {
      for (std::uint32_t i = 0; i < kPerProducer; ++i) {
        while (!channel.TryPush((p << 24) | i)) std::this_thread::yield();
      }
      finished.fetch_add(1);
    });
  }
  EXPECT_TRUE(
      executor.RunUntil([&] { return received.size() == std::size_t{kProducers} * kPerProducer; }));
  for (std::thread& producer : producers) producer.join();
  EXPECT_EQ(finished.load(), kProducers);
  std::vector<std::uint32_t> last(kProducers, 0);
  std::vector<bool> seen(kProducers, false);
  for (const std::uint32_t value : received) {
    const std::uint32_t p = value >> 24;
    const std::uint32_t i = value & 0xffffff;
    ASSERT_TRUE(!seen[p] || i > last[p]) << "out of order or duplicated";
    seen[p] = true;
    last[p] = i;
  }
  channel.Close();
  executor.RunUntilIdle();
  EXPECT_EQ(executor.stats().live, 0U);
}

}  // namespace
}  // namespace libk::async
