#include "libk/result/result.h"

#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include <gtest/gtest.h>

#include "libk/testing/counted.h"

namespace libk {
namespace {

using testing::Counted;
using testing::MoveOnly;

constexpr Result<int> Half(int x) {
  if (x % 2 != 0) return Err(Error::kInvalidArgument);
  return x / 2;
}

// Result<int> travels in registers and works in constant expressions.
static_assert(std::is_trivially_copyable_v<Result<int>>);
static_assert(sizeof(Result<int>) == 2 * sizeof(int));
static_assert(Half(8).value() == 4);
static_assert(Half(3).error() == Error::kInvalidArgument);
static_assert(!std::is_copy_constructible_v<Result<MoveOnly>>);
static_assert(std::is_move_constructible_v<Result<MoveOnly>>);
// Only implicit conversions make an implicit Result.
static_assert(!std::is_convertible_v<int, Result<std::unique_ptr<int>>>);
static_assert(!std::is_convertible_v<Error, Result<int>>);

TEST(ResultTest, HoldsAValueOrAnError) {
  Result<int> ok = Half(10);
  ASSERT_TRUE(ok.is_ok());
  EXPECT_FALSE(ok.is_error());
  EXPECT_EQ(ok.value(), 5);
  EXPECT_EQ(ok.ValueOr(-1), 5);

  const Result<int> error = Half(7);
  ASSERT_TRUE(error.is_error());
  EXPECT_EQ(error.error(), Error::kInvalidArgument);
  EXPECT_EQ(error.ValueOr(-1), -1);
}

TEST(ResultTest, OkAndErrConvertToAnyCompatibleResult) {
  Result<long> from_ok = Ok(3);
  EXPECT_EQ(from_ok.value(), 3);
  const Result<std::string, int> from_err = Err(7);
  EXPECT_EQ(from_err.error(), 7);
  Result<std::string, int> from_literal = Ok("text");
  EXPECT_EQ(from_literal.value(), "text");
}

TEST(ResultTest, VoidResult) {
  Result<void> ok = Ok();
  EXPECT_TRUE(ok.is_ok());
  ok.value();
  const Result<void> error = Err(Error::kBusy);
  EXPECT_EQ(error.error(), Error::kBusy);
  EXPECT_EQ(ok, Result<void>(Ok()));
  EXPECT_FALSE(ok == error);
}

TEST(ResultTest, EqualityComparesAlternativeAndContents) {
  EXPECT_EQ(Half(4), Result<int>(2));
  EXPECT_FALSE(Half(4) == Half(6));
  EXPECT_FALSE(Half(4) == Half(5));
  EXPECT_EQ(Half(5), Half(7));
}

TEST(ResultTest, MoveOnlyValueAndError) {
  Result<std::unique_ptr<int>> ok = std::make_unique<int>(9);
  const std::unique_ptr<int> taken = std::move(ok).value();
  EXPECT_EQ(*taken, 9);

  Result<int, std::unique_ptr<int>> error = Err(std::make_unique<int>(4));
  Result<int, std::unique_ptr<int>> moved = std::move(error);
  EXPECT_EQ(*moved.error(), 4);
  EXPECT_EQ(*std::move(moved).error(), 4);
}

TEST(ResultTest, NonTrivialPayloadsAreDestroyedExactlyOnce) {
  const int errors_before = Counted::errors();
  ASSERT_EQ(Counted::live(), 0);
  {
    Result<Counted, Counted> a = Counted(1);
    const Result<Counted, Counted> b = Err(Counted(2));
    EXPECT_EQ(Counted::live(), 2);
    Result<Counted, Counted> c = a;  // Copy of a value.
    EXPECT_EQ(Counted::live(), 3);
    c = b;  // Value replaced by an error.
    EXPECT_EQ(c.error().value(), 2);
    EXPECT_EQ(Counted::live(), 3);
    a = std::move(c);  // Value replaced by a moved error.
    EXPECT_EQ(a.error().value(), 2);
    EXPECT_EQ(Counted::live(), 3);
    Result<MoveOnly, Counted> m = MoveOnly(5);
    Result<MoveOnly, Counted> n = std::move(m);
    EXPECT_EQ(n.value().value(), 5);
    EXPECT_EQ(Counted::live(), 5);
  }
  EXPECT_EQ(Counted::live(), 0);
  EXPECT_EQ(Counted::errors(), errors_before);
}

TEST(ResultTest, UnwrapOrPanicReturnsTheValue) {
  EXPECT_EQ(Half(6).UnwrapOrPanic(), 3);
  Result<void>(Ok()).UnwrapOrPanic();
}

TEST(ResultTest, MapAndThenMapError) {
  auto plus_one = [](int x) { return x + 1; };
  EXPECT_EQ(Half(4).Map(plus_one).value(), 3);
  EXPECT_EQ(Half(5).Map(plus_one).error(), Error::kInvalidArgument);
  EXPECT_EQ(Half(8).AndThen(Half).value(), 2);
  EXPECT_EQ(Half(12).AndThen(Half).AndThen(Half).error(), Error::kInvalidArgument);
  const Result<int, std::string> named =
      Half(3).MapError([](Error e) { return std::string(ErrorName(e)); });
  EXPECT_EQ(named.error(), "InvalidArgument");
  const Result<void> void_map = Half(2).Map([](int) {});
  EXPECT_TRUE(void_map.is_ok());
  Result<int> from_void = Result<void>(Ok()).Map([] { return 4; });
  EXPECT_EQ(from_void.value(), 4);
}

// The death tests check that the panic names this file and the line of the call.
std::string Here(int line) { return "PANIC at .*result_test\\.cc:" + std::to_string(line); }

TEST(ResultDeathTest, ValueOfAnErrorPanicsAtTheCaller) {
  Result<int> error = Half(1);
  EXPECT_DEATH((void)error.value(), Here(__LINE__) + ".*value\\(\\) of an error Result");
  EXPECT_DEATH((void)Half(1).value(), Here(__LINE__));
  Result<void> void_error = Err(Error::kBusy);
  EXPECT_DEATH(void_error.value(), Here(__LINE__));
}

TEST(ResultDeathTest, UnwrapOrPanicOfAnErrorPanicsAtTheCaller) {
  EXPECT_DEATH((void)Half(1).UnwrapOrPanic(), Here(__LINE__) + ".*UnwrapOrPanic");
}

TEST(ResultDeathTest, ErrorOfAValuePanicsAtTheCaller) {
  EXPECT_DEATH((void)Half(2).error(), Here(__LINE__) + ".*error\\(\\) of a successful Result");
}

}  // namespace
}  // namespace libk
