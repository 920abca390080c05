#include "libk/sync/lazy.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "libk/sync/testing/run_concurrently.h"

namespace libk {
namespace {

int global_inits = 0;

struct Table {
  std::uint64_t entries[4];
};

Table MakeTable() {
  ++global_inits;
  return Table{{1, 2, 3, 4}};
}

constinit Lazy<Table> global_table(&MakeTable);

static_assert(__is_trivially_destructible(Lazy<Table>));

TEST(LazyTest, ConstinitGlobalIsMadeOnFirstUse) {
  EXPECT_FALSE(global_table.IsInitialized());
  EXPECT_EQ(global_inits, 0);
  EXPECT_EQ(global_table->entries[2], 3u);
  EXPECT_TRUE(global_table.IsInitialized());
  EXPECT_EQ((*global_table).entries[3], 4u);
  EXPECT_EQ(&global_table.Get(), &*global_table);
  EXPECT_EQ(global_inits, 1);
}

// Neither copyable nor movable: Lazy must construct it in place from init's result.
struct Pinned {
  explicit Pinned(int v) : value(v) {}
  Pinned(const Pinned&) = delete;
  Pinned& operator=(const Pinned&) = delete;
  int value;
};

TEST(LazyTest, ConstructsNonMovableTypesInPlace) {
  Lazy<Pinned> pinned([] { return Pinned(7); });
  EXPECT_EQ(pinned->value, 7);
}

TEST(LazyTest, NeverDestroysTheValue) {
  static int destructions = 0;
  struct Noisy {
    ~Noisy() { ++destructions; }
  };
  {
    Lazy<Noisy> noisy([] { return Noisy(); });
    noisy.Get();
  }
  EXPECT_EQ(destructions, 0);
}

TEST(LazyTest, AcceptsACapturingInitialiser) {
  int base = 40;
  auto init = [&base] { return base + 2; };
  Lazy<int, decltype(init)> answer(init);
  base = 0;  // Not yet read.
  EXPECT_EQ(*answer, 2);
}

TEST(LazyTest, ConcurrentFirstUsesInitialiseExactlyOnce) {
  constexpr int kRounds = 50;
  constexpr int kThreads = 8;
  for (int round = 0; round < kRounds; ++round) {
    std::atomic<int> inits{0};
    auto init = [&inits] {
      inits.fetch_add(1);
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      return Table{{5, 6, 7, 8}};
    };
    Lazy<Table, decltype(init)> table(init);
    std::vector<const Table*> seen(kThreads, nullptr);
    std::atomic<int> wrong_contents{0};
    testing::RunConcurrently(kThreads, [&](int thread) {
      const Table& t = table.Get();
      seen[thread] = &t;
      if (t.entries[0] != 5 || t.entries[3] != 8) wrong_contents.fetch_add(1);
    });
    ASSERT_EQ(inits.load(), 1) << "round " << round;
    ASSERT_EQ(wrong_contents.load(), 0) << "round " << round;
    for (const Table* t : seen) {
      ASSERT_EQ(t, seen[0]);
    }
  }
}

}  // namespace
}  // namespace libk
