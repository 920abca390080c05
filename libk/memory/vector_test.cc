// Vector: growth, over-aligned elements, and the panics of misuse at the caller's line.
#include "libk/memory/vector.h"

#include <cstddef>
#include <cstdint>

#include <gtest/gtest.h>

#include "libk/containers/span.h"
#include "libk/testing/counted.h"

namespace libk {
namespace {

TEST(VectorTest, GrowsByDoublingFromSixtyFourBytes) {
  Vector<std::uint32_t> words;
  EXPECT_EQ(words.capacity(), 0U);
  words.Push(1);
  EXPECT_EQ(words.capacity(), 16U);
  for (std::uint32_t i = 0; i < 16; ++i) words.Push(i);
  EXPECT_EQ(words.capacity(), 32U);
  Vector<testing::Counted> big;
  big.Push(1);
  EXPECT_EQ(big.capacity(), 8U);
}

TEST(VectorTest, SumsAThousandElements) {
  Vector<std::uint64_t> values;
  for (std::uint64_t i = 0; i < 1000; ++i) values.Push(i);
  std::uint64_t sum = 0;
  for (const std::uint64_t value : values) sum += value;
  EXPECT_EQ(sum, 999U * 1000 / 2);
}

TEST(VectorTest, KeepsOverAlignedElementsAligned) {
  struct alignas(64) Line {
    std::uint8_t bytes[64];
  };
  Vector<Line> lines;
  for (int i = 0; i < 100; ++i) {
    lines.Push(Line{});
    EXPECT_TRUE(__builtin_is_aligned(lines.data(), 64));
  }
}

TEST(VectorTest, WithCapacityAndSpanView) {
  Vector<int> values = Vector<int>::TryWithCapacity(10).UnwrapOrPanic();
  EXPECT_EQ(values.capacity(), 10U);
  values.Push(3);
  values.Push(4);
  const Span<int> view = values;
  EXPECT_EQ(view.size(), 2U);
  EXPECT_EQ(view[1], 4);
}

TEST(VectorDeathTest, IndexingPastTheEndPanicsAtTheCaller) {
  Vector<int> values;
  values.Push(1);
  EXPECT_DEATH((void)values[1], "PANIC at .*vector_test.cc:[0-9]+ .*Vector index out of range");
  EXPECT_DEATH(values.Erase(5), "vector_test.cc.*Vector::Erase index out of range");
  EXPECT_DEATH(values.Insert(3, 0), "vector_test.cc.*Vector::Insert index out of range");
}

TEST(VectorDeathTest, ReservingTooMuchPanicsAtTheCaller) {
  Vector<std::uint64_t> values;
  EXPECT_TRUE(values.TryReserve(std::size_t{1} << 61).is_error());
  EXPECT_DEATH(values.Reserve(std::size_t{1} << 61),
               "vector_test.cc.*Vector: out of memory for 2305843009213693952 elements of 8 bytes");
}

}  // namespace
}  // namespace libk
