// Laws and models for Result: Map/AndThen laws, LIBK_TRY propagating the first error,
// and payload lifetimes under random assignment sequences.
#include <cstdint>
#include <memory>
#include <utility>
#include <variant>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/result/result.h"
#include "libk/testing/counted.h"

namespace libk {
namespace {

using testing::Counted;
using testing::MoveOnly;

Result<int> MakeResult(bool ok, int value, uint8_t error) {
  if (ok) return value;
  return Err(kAllErrors[error % std::size(kAllErrors)]);
}

// Unsigned arithmetic keeps the test functions free of overflow.
int Affine(int x, int a, int b) {
  return static_cast<int>((static_cast<unsigned>(x) * static_cast<unsigned>(a)) +
                          static_cast<unsigned>(b));
}

TEST(ResultLaws, MapIdentityAndComposition) {
  EXPECT_TRUE(rc::check([](bool ok, int value, uint8_t error, int a, int b, int c, int d) {
    const Result<int> r = MakeResult(ok, value, error);
    const auto f = [&](int x) { return Affine(x, a, b); };
    const auto g = [&](int x) { return Affine(x, c, d); };
    RC_ASSERT(r.Map([](int x) { return x; }) == r);
    RC_ASSERT(r.Map(f).Map(g) == r.Map([&](int x) { return g(f(x)); }));
  }));
}

TEST(ResultLaws, AndThenIdentityAndAssociativity) {
  EXPECT_TRUE(rc::check([](bool ok, int value, uint8_t error, int m, uint8_t e1, uint8_t e2) {
    const Result<int> r = MakeResult(ok, value, error);
    // f fails on multiples of m (with error e1), g on odd numbers (with error e2).
    const auto f = [&](int x) { return MakeResult(m == 0 || x % m != 0, Affine(x, 3, 1), e1); };
    const auto g = [&](int x) { return MakeResult(x % 2 == 0, x / 2, e2); };
    const auto ok_of = [](int x) { return Result<int>(x); };
    RC_ASSERT(Result<int>(value).AndThen(f) == f(value));
    RC_ASSERT(r.AndThen(ok_of) == r);
    RC_ASSERT(r.AndThen(f).AndThen(g) == r.AndThen([&](int x) { return f(x).AndThen(g); }));
  }));
}

// Runs steps in order through LIBK_TRY; step i fails iff failures[i] is nonzero. Counts
// the steps that ran.
Result<int> RunSteps(const std::vector<uint8_t>& failures, size_t& ran) {
  int sum = 0;
  for (const uint8_t failure : failures) {
    ++ran;
    sum += LIBK_TRY(MakeResult(failure == 0, 1, failure));
  }
  return sum;
}

TEST(ResultLaws, TryPropagatesTheFirstErrorAndStops) {
  EXPECT_TRUE(rc::check([](const std::vector<uint8_t>& failures) {
    size_t ran = 0;
    const Result<int> result = RunSteps(failures, ran);
    size_t first = 0;
    while (first < failures.size() && failures[first] == 0) ++first;
    if (first == failures.size()) {
      RC_ASSERT(result.is_ok());
      RC_ASSERT(result.value() == static_cast<int>(failures.size()));
      RC_ASSERT(ran == failures.size());
    } else {
      RC_ASSERT(result.is_error());
      RC_ASSERT(result.error() == kAllErrors[failures[first] % std::size(kAllErrors)]);
      RC_ASSERT(ran == first + 1);
    }
  }));
}

Result<MoveOnly> MakeMoveOnly(int value) {
  if (value < 0) return Err(Error::kOutOfRange);
  return MoveOnly(value);
}
Result<int> SumMoveOnly(int a, int b) {
  const MoveOnly x = LIBK_TRY(MakeMoveOnly(a));
  const MoveOnly y = LIBK_TRY(MakeMoveOnly(b));
  return x.value() + y.value();
}
Result<void> CheckAll(const std::vector<int>& values) {
  for (const int v : values) LIBK_TRY(MakeMoveOnly(v).Map([](MoveOnly) {}));
  return Ok();
}

TEST(ResultLaws, TryMovesMoveOnlyValuesAndHandlesVoid) {
  EXPECT_TRUE(rc::check([](int a, int b) {
    const int errors_before = Counted::errors();
    // Relative counts: a failed run (unwound mid-way) must not spoil the next one.
    const int live_before = Counted::live();
    const Result<int> sum = SumMoveOnly(a, b);
    RC_ASSERT(sum.is_ok() == (a >= 0 && b >= 0));
    if (sum.is_ok()) RC_ASSERT(sum.value() == Affine(a, 1, b));
    RC_ASSERT(CheckAll({a, b}).is_ok() == sum.is_ok());
    RC_ASSERT(Counted::live() - live_before == 0);
    RC_ASSERT(Counted::errors() == errors_before);
  }));
}

// Result<Counted, Counted> against std::variant<int, int> (index 0 = value, 1 = error):
// contents follow the model and live objects equal the number of Results.
TEST(ResultLifetime, RandomAssignmentsMatchAModelWithoutLeaks) {
  EXPECT_TRUE(rc::check([](const std::vector<std::pair<uint8_t, int>>& ops) {
    const int errors_before = Counted::errors();
    // Relative counts: a failed run (unwound mid-way) must not spoil the next one.
    const int live_before = Counted::live();
    {
      using R = Result<Counted, Counted>;
      using Model = std::variant<int, int>;
      R slots[3] = {Counted(0), Counted(0), Counted(0)};
      Model model[3] = {Model(std::in_place_index<0>, 0), Model(std::in_place_index<0>, 0),
                        Model(std::in_place_index<0>, 0)};
      for (const auto& [op, arg] : ops) {
        const int i = op % 3;
        const int j = (op / 3) % 3;
        switch ((op / 9) % 4) {
          case 0:
            slots[i] = Counted(arg);
            model[i].emplace<0>(arg);
            break;
          case 1:
            slots[i] = Err(Counted(arg));
            model[i].emplace<1>(arg);
            break;
          case 2:
            slots[i] = slots[j];
            model[i] = model[j];
            break;
          case 3:
            slots[i] = std::move(slots[j]);
            model[i] = model[j];
            if (i != j) {
              if (model[j].index() == 0)
                model[j].emplace<0>(Counted::kMovedFrom);
              else
                model[j].emplace<1>(Counted::kMovedFrom);
            }
            break;
          default:
            RC_FAIL("no such operation");
        }
        for (int k = 0; k < 3; ++k) {
          RC_ASSERT(slots[k].is_ok() == (model[k].index() == 0));
          if (model[k].index() == 0) {
            RC_ASSERT(slots[k].value().value() == std::get<0>(model[k]));
          } else {
            RC_ASSERT(slots[k].error().value() == std::get<1>(model[k]));
          }
        }
        RC_ASSERT(Counted::live() - live_before == 3);
      }
    }
    RC_ASSERT(Counted::live() - live_before == 0);
    RC_ASSERT(Counted::errors() == errors_before);
  }));
}

}  // namespace
}  // namespace libk
