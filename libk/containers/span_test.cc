#include "libk/containers/span.h"

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/containers/array_vec.h"

namespace libk {
namespace {

static_assert(std::is_trivially_copyable_v<Span<int>>);
static_assert(std::is_convertible_v<Span<int>, Span<const int>>);
static_assert(!std::is_convertible_v<Span<const int>, Span<int>>);

TEST(SpanTest, ViewsArraysAndContainers) {
  int array[] = {1, 2, 3, 4};
  const Span span = array;
  static_assert(std::is_same_v<decltype(span), const Span<int>>);
  EXPECT_EQ(span.size(), 4U);
  span[1] = 20;
  EXPECT_EQ(array[1], 20);
  int sum = 0;
  for (const int value : span) sum += value;
  EXPECT_EQ(sum, 28);
  EXPECT_EQ(span.front(), 1);
  EXPECT_EQ(span.back(), 4);
  EXPECT_EQ(span.At(3).value(), 4);
  EXPECT_FALSE(span.At(4).has_value());

  std::vector<int> vector = {7, 8};
  const Span<const int> view = vector;
  EXPECT_EQ(view[1], 8);
  EXPECT_TRUE(Span<int>().empty());
}

TEST(SpanTest, SlicesShareTheElements) {
  int array[] = {0, 1, 2, 3, 4, 5};
  const Span<int> span = array;
  EXPECT_EQ(span.First(2).size(), 2U);
  EXPECT_EQ(span.Last(2)[0], 4);
  EXPECT_EQ(span.Subspan(4).size(), 2U);
  EXPECT_EQ(span.Subspan(6).size(), 0U);
  const Span<int> middle = span.Subspan(2, 3);
  middle[0] = 20;
  EXPECT_EQ(array[2], 20);
  EXPECT_EQ(middle.back(), 4);
}

// Subspan, First and Last against index arithmetic on a std::vector.
TEST(SpanProperty, SlicesMatchAModel) {
  EXPECT_TRUE(rc::check([](const std::vector<int>& model) {
    std::vector<int> storage = model;
    const Span<const int> span = storage;
    const size_t offset = *rc::gen::inRange<size_t>(0, model.size() + 1);
    const size_t count = *rc::gen::inRange<size_t>(0, model.size() - offset + 1);
    const Span<const int> slice = span.Subspan(offset, count);
    RC_ASSERT(slice.size() == count);
    for (size_t i = 0; i < count; ++i) {
      RC_ASSERT(slice[i] == model[offset + i]);
    }
    RC_ASSERT(span.Subspan(offset).size() == model.size() - offset);
    if (offset < model.size()) RC_ASSERT(span.Subspan(offset)[0] == model[offset]);
    RC_ASSERT(span.First(count).size() == count);
    RC_ASSERT(span.Last(count).size() == count);
    for (size_t i = 0; i < count; ++i) {
      RC_ASSERT(span.First(count)[i] == model[i]);
      RC_ASSERT(span.Last(count)[i] == model[model.size() - count + i]);
    }
  }));
}

std::string Here(int line) { return "PANIC at .*span_test\\.cc:" + std::to_string(line); }

TEST(SpanDeathTest, IndexingOutOfRangePanicsAtTheCaller) {
  int array[] = {1, 2, 3};
  const Span<int> span = array;
  EXPECT_DEATH((void)span[3], Here(__LINE__) + ".*Span index out of range");
  EXPECT_DEATH((void)span[-1], Here(__LINE__));
  EXPECT_DEATH((void)Span<int>().front(), Here(__LINE__));
  EXPECT_DEATH((void)Span<int>().back(), Here(__LINE__));
}

TEST(SpanDeathTest, SlicesOutOfRangePanicAtTheCaller) {
  int array[] = {1, 2, 3};
  const Span<int> span = array;
  EXPECT_DEATH((void)span.First(4), Here(__LINE__) + ".*Subspan");
  EXPECT_DEATH((void)span.Last(4), Here(__LINE__) + ".*Last");
  EXPECT_DEATH((void)span.Subspan(4), Here(__LINE__) + ".*Subspan offset");
  EXPECT_DEATH((void)span.Subspan(2, 2), Here(__LINE__) + ".*Subspan range");
  // offset + count wraps around to 0: still out of range.
  EXPECT_DEATH((void)span.Subspan(1, SIZE_MAX), Here(__LINE__) + ".*Subspan range");
}

}  // namespace
}  // namespace libk
