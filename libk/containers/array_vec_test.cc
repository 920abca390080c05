#include "libk/containers/array_vec.h"

#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include <gtest/gtest.h>

#include "libk/containers/span.h"
#include "libk/testing/counted.h"

namespace libk {
namespace {

using testing::Counted;

static_assert(ArrayVec<int, 3>::capacity() == 3);
static_assert(!std::is_copy_constructible_v<ArrayVec<std::unique_ptr<int>, 2>>);
static_assert(std::is_move_constructible_v<ArrayVec<std::unique_ptr<int>, 2>>);
// No heap: the elements live inside the object.
static_assert(sizeof(ArrayVec<uint32_t, 4>) == 4 * sizeof(uint32_t) + sizeof(size_t));

TEST(ArrayVecTest, PushUntilFull) {
  ArrayVec<std::string, 2> names;
  EXPECT_TRUE(names.empty());
  EXPECT_TRUE(names.TryPush("a").is_ok());
  names.Push("b");
  EXPECT_TRUE(names.full());
  const Result<void> third = names.TryPush("c");
  ASSERT_TRUE(third.is_error());
  EXPECT_EQ(third.error(), Error::kFull);
  EXPECT_EQ(names.size(), 2U);
  EXPECT_EQ(names[0], "a");
  EXPECT_EQ(names.back(), "b");
}

TEST(ArrayVecTest, TryPushOfAFullVectorLeavesTheValueAlone) {
  ArrayVec<std::unique_ptr<int>, 1> owners;
  EXPECT_TRUE(owners.TryPush(std::make_unique<int>(1)).is_ok());
  auto spare = std::make_unique<int>(2);
  EXPECT_TRUE(owners.TryPush(std::move(spare)).is_error());
  // A failed TryPush must not consume its argument.
  ASSERT_NE(spare, nullptr);  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(*spare, 2);       // NOLINT(bugprone-use-after-move)
}

TEST(ArrayVecTest, EmplaceInsertEraseAndIterate) {
  ArrayVec<std::pair<int, char>, 5> pairs;
  pairs.Emplace(1, 'a');
  pairs.Emplace(3, 'c');
  pairs.Insert(1, {2, 'b'});
  pairs.Insert(3, {4, 'd'});
  std::string letters;
  for (const auto& [number, letter] : pairs) letters += letter;
  EXPECT_EQ(letters, "abcd");
  pairs.Erase(0);
  auto* next = pairs.Erase(pairs.begin() + 1);
  EXPECT_EQ(next->second, 'd');
  EXPECT_EQ(pairs.size(), 2U);
  EXPECT_EQ(pairs.front().second, 'b');
  EXPECT_FALSE(pairs.At(2).has_value());
  pairs.At(1).value().first = 40;
  EXPECT_EQ(pairs[1].first, 40);
}

TEST(ArrayVecTest, InitializerListCopyAndEquality) {
  ArrayVec<int, 4> a = {1, 2, 3};
  ArrayVec<int, 4> b = a;
  EXPECT_EQ(a, b);
  b[2] = 4;
  EXPECT_FALSE(a == b);
  b.Pop();
  EXPECT_FALSE(a == b);
  const ArrayVec<int, 4> c = std::move(a);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is specified.
  EXPECT_EQ(c.size(), 3U);
}

TEST(ArrayVecTest, PopReturnsTheLastElement) {
  ArrayVec<Counted, 3> values;
  values.Push(Counted(7));
  Optional<Counted> popped = values.Pop();
  ASSERT_TRUE(popped.has_value());
  EXPECT_EQ(popped.value().value(), 7);
  EXPECT_EQ(values.Pop(), kNone);
}

TEST(ArrayVecTest, ViewsAsASpan) {
  ArrayVec<int, 4> values = {5, 6, 7};
  const Span<int> all = values;
  all[0] = 50;
  EXPECT_EQ(values[0], 50);
  const ArrayVec<int, 4>& constant = values;
  const Span<const int> view = constant;
  EXPECT_EQ(view.size(), 3U);
  EXPECT_EQ(view.Last(1)[0], 7);
}

TEST(ArrayVecTest, DestroysEveryElementExactlyOnce) {
  const int errors_before = Counted::errors();
  ASSERT_EQ(Counted::live(), 0);
  {
    ArrayVec<Counted, 4> values = {Counted(1), Counted(2), Counted(3)};
    EXPECT_EQ(Counted::live(), 3);
    values.Erase(1);
    EXPECT_EQ(Counted::live(), 2);
    ArrayVec<Counted, 4> copy = values;
    EXPECT_EQ(Counted::live(), 4);
    copy.Clear();
    EXPECT_EQ(Counted::live(), 2);
  }
  EXPECT_EQ(Counted::live(), 0);
  EXPECT_EQ(Counted::errors(), errors_before);
}

// The death tests check that the panic names this file and the line of the call.
std::string Here(int line) { return "PANIC at .*array_vec_test\\.cc:" + std::to_string(line); }

TEST(ArrayVecDeathTest, PushOnAFullVectorPanicsAtTheCaller) {
  ArrayVec<int, 1> one = {1};
  EXPECT_DEATH(one.Push(2), Here(__LINE__) + ".*ArrayVec is full");
  EXPECT_DEATH(one.Insert(0, 2), Here(__LINE__) + ".*ArrayVec is full");
  EXPECT_DEATH(one.Emplace(2), "ArrayVec is full");
  EXPECT_DEATH((ArrayVec<int, 1>{1, 2}), Here(__LINE__) + ".*longer than its capacity");
}

TEST(ArrayVecDeathTest, IndexingOutOfRangePanicsAtTheCaller) {
  ArrayVec<int, 4> values = {1, 2};
  EXPECT_DEATH((void)values[2], Here(__LINE__) + ".*ArrayVec index out of range");
  const ArrayVec<int, 4>& constant = values;
  EXPECT_DEATH((void)constant[-1], Here(__LINE__) + ".*ArrayVec index out of range");
  ArrayVec<int, 4> empty;
  EXPECT_DEATH((void)empty.front(), Here(__LINE__));
  EXPECT_DEATH((void)empty.back(), Here(__LINE__));
}

TEST(ArrayVecDeathTest, EraseAndInsertOutOfRangePanicAtTheCaller) {
  ArrayVec<int, 4> values = {1, 2};
  EXPECT_DEATH(values.Erase(2), Here(__LINE__) + ".*Erase index out of range");
  EXPECT_DEATH(values.Erase(values.end()), Here(__LINE__) + ".*Erase iterator out of range");
  EXPECT_DEATH(values.Insert(3, 0), Here(__LINE__) + ".*Insert index out of range");
}

}  // namespace
}  // namespace libk
