// Rc/WeakRc and Arc/WeakArc against std::shared_ptr/std::weak_ptr over random sequences of
// copies, moves, resets, downgrades and upgrades: after every step each handle sees the
// same value and the same counts as its model, and the number of live values equals the
// number the model keeps alive; at the end nothing is alive.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/memory/arc.h"
#include "libk/memory/rc.h"
#include "libk/result/optional.h"
#include "libk/testing/counted.h"

namespace libk {
namespace {

using testing::Counted;

struct RcKind {
  using Strong = Rc<Counted>;
  using Weak = WeakRc<Counted>;
  static Strong Make(int value) { return MakeRc<Counted>(value); }
};

struct ArcKind {
  using Strong = Arc<Counted>;
  using Weak = WeakArc<Counted>;
  static Strong Make(int value) { return MakeArc<Counted>(value); }
};

constexpr int kSlots = 4;

template <typename Kind>
void RunOperations(  // NOLINT(readability-function-cognitive-complexity)
    const std::vector<std::pair<std::uint8_t, int>>& ops) {
  const int live_before = Counted::live();
  const int errors_before = Counted::errors();
  {
    typename Kind::Strong strong[kSlots];
    typename Kind::Weak weak[kSlots];
    std::shared_ptr<int> strong_model[kSlots];
    std::weak_ptr<int> weak_model[kSlots];
    for (const auto& [code, value] : ops) {
      const int a = code % kSlots;
      const int b = (code / kSlots) % kSlots;
      switch ((code / (kSlots * kSlots)) % 9) {
        case 0:
          strong[a] = Kind::Make(value);
          strong_model[a] = std::make_shared<int>(value);
          break;
        case 1:
          strong[a] = strong[b];
          strong_model[a] = strong_model[b];
          break;
        case 2:
          strong[a] = std::move(strong[b]);  // Includes a slot moved into itself.
          strong_model[a] = std::move(strong_model[b]);
          break;
        case 3:
          strong[a].Reset();
          strong_model[a].reset();
          break;
        case 4:
          weak[a] = strong[b].Downgrade();
          weak_model[a] = strong_model[b];
          break;
        case 5: {
          Optional<typename Kind::Strong> upgraded = weak[b].Upgrade();
          std::shared_ptr<int> model = weak_model[b].lock();
          RC_ASSERT(upgraded.has_value() == (model != nullptr));
          if (upgraded.has_value()) {
            strong[a] = std::move(upgraded).value();
            strong_model[a] = std::move(model);
          }
          break;
        }
        case 6:
          weak[a] = weak[b];
          weak_model[a] = weak_model[b];
          break;
        case 7:
          // libstdc++ empties a weak_ptr moved into itself; ours stays as it was.
          if (a != b) {
            weak[a] = std::move(weak[b]);
            weak_model[a] = std::move(weak_model[b]);
          }
          break;
        case 8:
          if (strong_model[a]) {
            *strong[a] = Counted(value);
            *strong_model[a] = value;
          }
          break;
        default:
          break;
      }
      // Each distinct live value once; its counts as the model's.
      std::vector<const int*> alive;
      for (int i = 0; i < kSlots; ++i) {
        RC_ASSERT(static_cast<bool>(strong[i]) == static_cast<bool>(strong_model[i]));
        if (!strong_model[i]) {
          RC_ASSERT(strong[i].StrongCount() == 0U);
          continue;
        }
        RC_ASSERT(strong[i]->value() == *strong_model[i]);
        RC_ASSERT(strong[i].StrongCount() == static_cast<std::size_t>(strong_model[i].use_count()));
        std::size_t weak_handles = 0;
        for (int j = 0; j < kSlots; ++j) {
          if (!weak_model[j].owner_before(strong_model[i]) &&
              !strong_model[i].owner_before(weak_model[j]) && !weak_model[j].expired()) {
            ++weak_handles;
          }
          RC_ASSERT((strong[i] == strong[j]) == (strong_model[i] == strong_model[j]));
        }
        RC_ASSERT(strong[i].WeakCount() == weak_handles);
        bool seen = false;
        for (const int* p : alive) seen = seen || p == strong_model[i].get();
        if (!seen) alive.push_back(strong_model[i].get());
      }
      for (int i = 0; i < kSlots; ++i) RC_ASSERT(weak[i].Expired() == weak_model[i].expired());
      RC_ASSERT(Counted::live() - live_before == static_cast<int>(alive.size()));
      RC_ASSERT(Counted::errors() == errors_before);
    }
  }
  RC_ASSERT(Counted::live() == live_before);
  RC_ASSERT(Counted::errors() == errors_before);
}

TEST(RcProperty, MatchesStdSharedPtr) { EXPECT_TRUE(rc::check(RunOperations<RcKind>)); }

TEST(ArcProperty, MatchesStdSharedPtr) { EXPECT_TRUE(rc::check(RunOperations<ArcKind>)); }

TEST(RcDeathTest, DereferencingAMovedFromRcPanics) {
  Rc<int> one = MakeRc<int>(1);
  const Rc<int> two = std::move(one);
  EXPECT_EQ(*two, 1);
  EXPECT_DEATH((void)*one,  // NOLINT(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
               "dereferencing an empty reference-counted pointer");
}

}  // namespace
}  // namespace libk
