// TickHooks against a model (the slot array as a std::vector): Add takes the first free
// slot and fails with kFull exactly when every slot is taken, a hook registers once,
// Remove fails for a hook that is not there, and Run calls exactly the registered hooks,
// once each, in slot order.
#include "kernel/time/tick_hooks.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/result/error.h"

namespace kernel::time {
namespace {

constexpr std::size_t kSlots = 4;
constexpr int kHooks = 7;

class RecordingHook final : public TickHook {
 public:
  RecordingHook() = default;
  void Bind(int id, std::vector<int>* calls) {
    id_ = id;
    calls_ = calls;
  }
  void OnTick(std::uint64_t ticks) override {
    calls_->push_back(id_);
    last_ticks_ = ticks;
  }
  std::uint64_t last_ticks() const { return last_ticks_; }

 private:
  int id_ = 0;
  std::vector<int>* calls_ = nullptr;
  std::uint64_t last_ticks_ = 0;
};

RC_GTEST_PROP(TickHooksTest, BehavesLikeAnArrayOfSlots, ()) {
  TickHooks<kSlots> hooks;
  std::vector<int> calls;
  std::vector<RecordingHook> objects(kHooks);
  for (int id = 0; id < kHooks; ++id) objects[static_cast<std::size_t>(id)].Bind(id, &calls);
  std::vector<int> model(kSlots, -1);  // The hook id in each slot, -1 when free.
  std::uint64_t ticks = 0;
  const int steps = *rc::gen::inRange(0, 100);
  for (int step = 0; step < steps; ++step) {
    const int op = *rc::gen::inRange(0, 3);
    const int id = *rc::gen::inRange(0, kHooks);
    RecordingHook& hook = objects[static_cast<std::size_t>(id)];
    const auto in_model = std::ranges::find(model, id);
    if (op == 0) {
      const libk::Result<void> added = hooks.Add(hook);
      const auto free_slot = std::ranges::find(model, -1);
      if (in_model != model.end()) {
        RC_ASSERT(added.is_error() && added.error() == libk::Error::kAlreadyExists);
      } else if (free_slot == model.end()) {
        RC_ASSERT(added.is_error() && added.error() == libk::Error::kFull);
      } else {
        RC_ASSERT(added.is_ok());
        *free_slot = id;
      }
    } else if (op == 1) {
      const libk::Result<void> removed = hooks.Remove(hook);
      if (in_model == model.end()) {
        RC_ASSERT(removed.is_error() && removed.error() == libk::Error::kNotFound);
      } else {
        RC_ASSERT(removed.is_ok());
        *in_model = -1;
      }
    } else {
      calls.clear();
      hooks.Run(++ticks);
      std::vector<int> expected;
      for (const int slot : model) {
        if (slot != -1) expected.push_back(slot);
      }
      RC_ASSERT(calls == expected);
      for (const int called : calls) {
        RC_ASSERT(objects[static_cast<std::size_t>(called)].last_ticks() == ticks);
      }
    }
    RC_ASSERT(hooks.size() == static_cast<std::size_t>(std::ranges::count_if(
                                  model, [](int slot) { return slot != -1; })));
  }
}

TEST(TickHooksTest, AFullTableSaysSoAndAcceptsAgainAfterARemove) {
  TickHooks<2> hooks;
  std::vector<int> calls;
  RecordingHook a;
  RecordingHook b;
  RecordingHook c;
  a.Bind(1, &calls);
  b.Bind(2, &calls);
  c.Bind(3, &calls);
  ASSERT_TRUE(hooks.Add(a).is_ok());
  ASSERT_TRUE(hooks.Add(b).is_ok());
  const libk::Result<void> full = hooks.Add(c);
  ASSERT_TRUE(full.is_error());
  EXPECT_EQ(full.error(), libk::Error::kFull);
  ASSERT_TRUE(hooks.Remove(a).is_ok());
  ASSERT_TRUE(hooks.Add(c).is_ok());  // Takes a's slot, the first.
  hooks.Run(5);
  EXPECT_EQ(calls, (std::vector<int>{3, 2}));
}

}  // namespace
}  // namespace kernel::time
