#include "libk/result/optional.h"

#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/testing/counted.h"

namespace libk {
namespace {

using testing::Counted;
using testing::MoveOnly;

static_assert(std::is_trivially_copyable_v<Optional<int>>);
static_assert(!std::is_copy_constructible_v<Optional<MoveOnly>>);
static_assert(Optional<int>(3).value() == 3);
static_assert(!Optional<int>(kNone).has_value());
static_assert(!std::is_convertible_v<int, Optional<std::vector<int>>>);

TEST(OptionalTest, EmptyAndFull) {
  const Optional<int> empty;
  EXPECT_FALSE(empty.has_value());
  EXPECT_FALSE(empty);
  EXPECT_EQ(empty, kNone);
  EXPECT_EQ(empty.ValueOr(7), 7);

  Optional<std::string> full = std::string("keel");
  ASSERT_TRUE(full);
  EXPECT_EQ(*full, "keel");
  EXPECT_EQ(full->size(), 4U);
  EXPECT_EQ(full.ValueOr("other"), "keel");
  full.Reset();
  EXPECT_EQ(full, kNone);
  EXPECT_EQ(full.Emplace(3, 'x'), "xxx");
}

TEST(OptionalTest, TakeLeavesItEmpty) {
  Optional<MoveOnly> full = MoveOnly(5);
  Optional<MoveOnly> taken = full.Take();
  EXPECT_FALSE(full.has_value());
  EXPECT_EQ(taken.value().value(), 5);
  const MoveOnly out = std::move(taken).value();
  EXPECT_EQ(out.value(), 5);
}

TEST(OptionalTest, MapLaws) {
  const auto twice = [](int x) { return 2 * x; };
  const auto plus = [](int x) { return x + 3; };
  for (const Optional<int> o : {Optional<int>(), Optional<int>(4)}) {
    EXPECT_EQ(o.Map([](int x) { return x; }), o);
    EXPECT_EQ(o.Map(twice).Map(plus), o.Map([&](int x) { return plus(twice(x)); }));
  }
}

TEST(OptionalTest, ReferencesRebindAndConvertToConst) {
  int a = 1;
  int b = 2;
  Optional<int&> ref = a;
  *ref = 10;
  EXPECT_EQ(a, 10);
  ref = b;
  ref.value() = 20;
  EXPECT_EQ(b, 20);
  EXPECT_EQ(a, 10);
  const Optional<const int&> const_ref = ref;
  EXPECT_EQ(*const_ref, 20);
  const Optional<int&> none = kNone;
  EXPECT_EQ(none, kNone);
  EXPECT_EQ(none.ValueOr(a), 10);
}

// Model-based: an Optional<Counted> behaves like std::optional<int> under random
// assignments, and the number of live Counted objects always equals the number of
// non-empty Optionals.
TEST(OptionalProperty, MatchesStdOptionalAndNeverLeaks) {
  EXPECT_TRUE(rc::check([](const std::vector<std::pair<uint8_t, int>>& ops) {
    const int errors_before = Counted::errors();
    // Relative counts: a failed run (unwound mid-way) must not spoil the next one.
    const int live_before = Counted::live();
    {
      Optional<Counted> slots[3];
      std::optional<int> model[3];
      for (const auto& [op, arg] : ops) {
        const int i = op % 3;
        const int j = (op / 3) % 3;
        switch ((op / 9) % 6) {
          case 0:
            slots[i] = Counted(arg);
            model[i] = arg;
            break;
          case 1:
            slots[i] = kNone;
            model[i].reset();
            break;
          case 2:
            slots[i] = slots[j];
            model[i] = model[j];
            break;
          case 3:
            slots[i] = std::move(slots[j]);
            model[i] = model[j];
            if (i != j && model[j]) model[j] = Counted::kMovedFrom;
            break;
          case 4:
            slots[i].Emplace(arg);
            model[i] = arg;
            break;
          case 5:
            slots[i].Reset();
            model[i].reset();
            break;
          default:
            RC_FAIL("no such operation");
        }
        int non_empty = 0;
        for (int k = 0; k < 3; ++k) {
          RC_ASSERT(slots[k].has_value() == model[k].has_value());
          if (model[k]) {
            RC_ASSERT(slots[k].value().value() == *model[k]);
            ++non_empty;
          }
        }
        RC_ASSERT(Counted::live() - live_before == non_empty);
      }
    }
    RC_ASSERT(Counted::live() - live_before == 0);
    RC_ASSERT(Counted::errors() == errors_before);
  }));
}

std::string Here(int line) { return "PANIC at .*optional_test\\.cc:" + std::to_string(line); }

TEST(OptionalDeathTest, ValueOfEmptyPanicsAtTheCaller) {
  Optional<int> empty;
  EXPECT_DEATH((void)empty.value(), Here(__LINE__) + ".*value\\(\\) of an empty Optional");
  const Optional<int&> empty_ref;
  EXPECT_DEATH((void)empty_ref.value(), Here(__LINE__));
}

TEST(OptionalDeathTest, DereferencingEmptyPanics) {
  Optional<std::string> empty;
  EXPECT_DEATH((void)*empty, "value\\(\\) of an empty Optional");
  EXPECT_DEATH((void)empty->size(), "value\\(\\) of an empty Optional");
}

}  // namespace
}  // namespace libk
