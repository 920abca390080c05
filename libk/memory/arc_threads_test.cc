// Arc under real threads (run with --config=tsan): threads copy and drop handles to one
// value, upgrade weak handles while the owners go away, and share a Mutex; the value is
// destroyed exactly once, after the last owner, and every write the owners made is
// visible to its destructor.
#include <atomic>
#include <cstdint>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "libk/memory/arc.h"
#include "libk/result/optional.h"
#include "libk/sync/mutex.h"
#include "libk/sync/testing/run_concurrently.h"

namespace libk {
namespace {

constexpr int kThreads = 4;
constexpr int kRounds = 2000;

// Records its destruction and checks, then, that every owner's writes arrived. Each
// thread writes only its own slot and nothing else orders the threads, so the last
// owner's destructor sees the other threads' writes only through the Arc's count (TSan
// reports a race if the decrement that reaches zero does not acquire them).
class Tally {
 public:
  Tally(std::atomic<int>* destroyed, std::uint64_t expected)
      : destroyed_(destroyed), expected_(expected) {}
  Tally(const Tally&) = delete;
  Tally& operator=(const Tally&) = delete;
  ~Tally() {
    std::uint64_t total = 0;
    for (const std::uint64_t slot : slots_) total += slot;
    EXPECT_EQ(total, expected_);
    destroyed_->fetch_add(1);
  }
  void Add(int thread, std::uint64_t n) { slots_[thread] += n; }

 private:
  std::atomic<int>* destroyed_;
  std::uint64_t expected_;
  std::uint64_t slots_[kThreads] = {};
};

// Arc<Mutex<T>>: the usual way to share mutable data.
TEST(ArcThreadsTest, SharesAMutex) {
  Arc<Mutex<std::uint64_t>> shared = MakeArc<Mutex<std::uint64_t>>(0);
  libk::testing::RunConcurrently(kThreads, [&](int) {
    // The copy is the point: a count changed from several threads.
    // NOLINTNEXTLINE(performance-unnecessary-copy-initialization)
    const Arc<Mutex<std::uint64_t>> mine = shared;
    for (int round = 0; round < kRounds; ++round) ++*mine->Lock();
  });
  EXPECT_EQ(*shared->Lock(), std::uint64_t{kThreads} * kRounds);
  EXPECT_EQ(shared.StrongCount(), 1U);
}

TEST(ArcThreadsTest, TheLastOwnerDestroysTheValueOnce) {
  for (int repeat = 0; repeat < 20; ++repeat) {
    std::atomic<int> destroyed{0};
    Arc<Tally> shared = MakeArc<Tally>(&destroyed, std::uint64_t{kThreads} * kRounds);
    const WeakArc<Tally> weak = shared.Downgrade();
    std::vector<Arc<Tally>> handles(kThreads, shared);
    shared.Reset();
    libk::testing::RunConcurrently(kThreads, [&](int thread) {
      Arc<Tally> mine = std::move(handles[thread]);
      for (int round = 0; round < kRounds; ++round) {
        const Arc<Tally> copy = mine;  // NOLINT(performance-unnecessary-copy-initialization)
        copy->Add(thread, 1);
      }
      // Drop this thread's owner; the last one to do so destroys the value.
      mine.Reset();
    });
    EXPECT_EQ(destroyed.load(), 1);
    EXPECT_FALSE(weak.Upgrade().has_value());
  }
}

TEST(ArcThreadsTest, UpgradesRaceWithTheLastOwner) {
  for (int repeat = 0; repeat < 200; ++repeat) {
    std::atomic<int> destroyed{0};
    std::atomic<int> upgrades{0};
    Arc<Tally> owner = MakeArc<Tally>(&destroyed, 0);
    const WeakArc<Tally> weak = owner.Downgrade();
    libk::testing::RunConcurrently(kThreads, [&](int thread) {
      if (thread == 0) {
        owner.Reset();
        return;
      }
      for (int i = 0; i < 50; ++i) {
        const WeakArc<Tally> mine = weak;  // NOLINT(performance-unnecessary-copy-initialization)
        if (const Optional<Arc<Tally>> strong = mine.Upgrade(); strong.has_value()) {
          upgrades.fetch_add(1);
          EXPECT_EQ(destroyed.load(), 0);
        }
      }
    });
    EXPECT_EQ(destroyed.load(), 1);
    EXPECT_TRUE(weak.Expired());
  }
}

}  // namespace
}  // namespace libk
