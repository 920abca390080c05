// BoundedMpscQueue under real threads: several producers push tagged values while one
// consumer pops. Nothing is lost or duplicated, each producer's values arrive in its
// order, and the overflow count equals the number of pushes that reported failure. Run it
// under --config=tsan too: the memory orders are what x86 hides.
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "libk/async/mpsc_queue.h"

namespace libk::async {
namespace {

constexpr std::uint64_t kProducers = 4;
constexpr std::uint64_t kPerProducer = 20000;

std::uint64_t Tag(std::uint64_t producer, std::uint64_t sequence) {
  return (producer << 32) | sequence;
}

struct Outcome {
  std::vector<std::vector<std::uint64_t>> received;  // Per producer, in arrival order.
  std::uint64_t failed_pushes = 0;
  std::uint64_t overflows = 0;
};

// Runs the producers and one consumer; producers retry a failed push if `retry`.
template <std::size_t kCapacity>
Outcome RunProducers(bool retry) {
  BoundedMpscQueue<std::uint64_t, kCapacity> queue;
  std::atomic<std::uint64_t> failed{0};
  std::atomic<std::uint64_t> producers_done{0};
  Outcome outcome;
  outcome.received.resize(kProducers);
  std::thread consumer([&] {
    while (true) {
      const bool all_done = producers_done.load(std::memory_order_acquire) == kProducers;
      Optional<std::uint64_t> value = queue.TryPop();
      if (value.has_value()) {
        outcome.received[*value >> 32].push_back(*value & 0xffffffff);
      } else if (all_done && queue.IsEmpty()) {
        return;
      } else {
        std::this_thread::yield();
      }
    }
  });
  std::vector<std::thread> producers;
  producers.reserve(kProducers);
  for (std::uint64_t p = 0; p < kProducers; ++p) {
    producers.emplace_back([&, p] {
      std::uint64_t my_failures = 0;
      for (std::uint64_t i = 0; i < kPerProducer; ++i) {
        while (!queue.TryPush(Tag(p, i))) {
          ++my_failures;
          if (!retry) break;
          std::this_thread::yield();
        }
      }
      failed.fetch_add(my_failures);
      producers_done.fetch_add(1, std::memory_order_release);
    });
  }
  for (std::thread& producer : producers) producer.join();
  consumer.join();
  outcome.failed_pushes = failed.load();
  outcome.overflows = queue.overflows();
  return outcome;
}

void ExpectOrderedAndUnique(const Outcome& outcome) {
  for (const std::vector<std::uint64_t>& values : outcome.received) {
    for (std::size_t i = 1; i < values.size(); ++i) {
      ASSERT_LT(values[i - 1], values[i]) << "out of order or duplicated";
    }
  }
}

TEST(MpscQueueThreadsTest, RetriedPushesAreAllDeliveredInProducerOrder) {
  const Outcome outcome = RunProducers<64>(/*retry=*/true);
  ExpectOrderedAndUnique(outcome);
  for (const std::vector<std::uint64_t>& values : outcome.received) {
    EXPECT_EQ(values.size(), kPerProducer);
  }
  EXPECT_EQ(outcome.overflows, outcome.failed_pushes);
}

TEST(MpscQueueThreadsTest, DroppedPushesAreCountedExactly) {
  const Outcome outcome = RunProducers<8>(/*retry=*/false);
  ExpectOrderedAndUnique(outcome);
  std::uint64_t delivered = 0;
  for (const std::vector<std::uint64_t>& values : outcome.received) delivered += values.size();
  EXPECT_EQ(delivered + outcome.failed_pushes, kProducers * kPerProducer);
  EXPECT_EQ(outcome.overflows, outcome.failed_pushes);
  EXPECT_GT(outcome.failed_pushes, 0U);  // A queue of 8 does overflow under 4 producers.
}

}  // namespace
}  // namespace libk::async
