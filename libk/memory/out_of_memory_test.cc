// How each owning type meets an allocation failure: nothrow operator new returns null
// (made to by //libk/memory:failing_new), the Try... functions report
// Error::kOutOfMemory and change nothing, the others panic at the caller.
#include <cstddef>
#include <cstdint>

#include <gtest/gtest.h>

#include "libk/memory/arc.h"
#include "libk/memory/rc.h"
#include "libk/memory/string.h"
#include "libk/memory/testing/failing_new.h"
#include "libk/memory/unique_ptr.h"
#include "libk/memory/vector.h"
#include "libk/result/error.h"
#include "libk/testing/counted.h"

namespace libk {
namespace {

using testing::Counted;
using testing::NothrowNewFailure;

TEST(OutOfMemoryTest, TryPushLeavesAFullVectorIntact) {
  Vector<Counted> values;
  for (int i = 0; i < 8; ++i) values.Push(i);  // Exactly the first capacity.
  const int live = Counted::live();
  const NothrowNewFailure failure;
  const Counted next(8);
  const Result<void> pushed = values.TryPush(next);
  ASSERT_TRUE(pushed.is_error());
  EXPECT_EQ(pushed.error(), Error::kOutOfMemory);
  EXPECT_EQ(failure.refused(), 1);
  EXPECT_EQ(values.size(), 8U);
  EXPECT_EQ(values[7].value(), 7);
  EXPECT_EQ(Counted::live(), live + 1);  // Only `next`: nothing built and left behind.
  EXPECT_TRUE(values.TryPush(next).is_error());
}

TEST(OutOfMemoryTest, TryPushFailsOnlyWhenTheVectorMustGrow) {
  Vector<int> values;
  values.Reserve(4);
  const NothrowNewFailure failure;
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(values.TryPush(i).is_ok());
  EXPECT_TRUE(values.TryPush(4).is_error());
  EXPECT_TRUE(values.TryInsert(0, 4).is_error());
  EXPECT_EQ(values.size(), 4U);
}

TEST(OutOfMemoryDeathTest, PushPanicsAtTheCaller) {
  Vector<std::uint64_t> values;
  const NothrowNewFailure failure;
  EXPECT_DEATH(values.Push(1),
               "PANIC at .*out_of_memory_test.cc:[0-9]+ .*Vector: out of memory for 1 elements");
}

TEST(OutOfMemoryTest, OwnersReportOutOfMemory) {
  const NothrowNewFailure failure;
  EXPECT_EQ(TryMakeUnique<int>(1).error(), Error::kOutOfMemory);
  EXPECT_EQ(TryMakeRc<int>(1).error(), Error::kOutOfMemory);
  EXPECT_EQ(TryMakeArc<int>(1).error(), Error::kOutOfMemory);
  EXPECT_EQ(Vector<int>::TryWithCapacity(1).error(), Error::kOutOfMemory);
  EXPECT_EQ(String::TryFrom("text").error(), Error::kOutOfMemory);
  EXPECT_EQ(failure.refused(), 5);
}

TEST(OutOfMemoryDeathTest, MakeFunctionsPanic) {
  const NothrowNewFailure failure;
  EXPECT_DEATH((void)MakeUnique<std::uint64_t>(1), "out of memory for a 8-byte object");
  EXPECT_DEATH((void)MakeRc<int>(1), "out of memory for an Rc of 4 bytes");
  EXPECT_DEATH((void)MakeArc<int>(1), "out of memory for an Arc of 4 bytes");
}

TEST(OutOfMemoryTest, AStringSinkDropsTextItCannotHold) {
  String text = String::TryFrom("abc").UnwrapOrPanic();
  const NothrowNewFailure failure;
  Format(text, "{}", "a long line that needs more memory than the String has");
  EXPECT_TRUE(text.allocation_failed());
  EXPECT_EQ(text, StringView("abc"));
  // What fits in the capacity it has still goes in.
  EXPECT_TRUE(text.TryAppend("de").is_ok());
  EXPECT_EQ(text, StringView("abcde"));
  text.Clear();
  EXPECT_FALSE(text.allocation_failed());
}

TEST(OutOfMemoryTest, AllocationsSucceedUntilTheLimit) {
  const NothrowNewFailure failure(2);
  Vector<UniquePtr<int>> boxes;
  boxes.Reserve(4);                // One allocation.
  boxes.Push(MakeUnique<int>(1));  // Two.
  EXPECT_TRUE(TryMakeUnique<int>(2).is_error());
}

}  // namespace
}  // namespace libk
