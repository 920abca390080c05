#include "libk/result/error.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace libk {
namespace {

TEST(ErrorTest, EveryErrorHasADistinctName) {
  std::set<std::string> names;
  for (const Error error : kAllErrors) {
    const std::string name = ErrorName(error);
    EXPECT_FALSE(name.empty());
    EXPECT_NE(name, "UnknownError");
    EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
  }
}

TEST(ErrorTest, NamesMatchTheEnumerators) {
  EXPECT_STREQ(ErrorName(Error::kOutOfMemory), "OutOfMemory");
  EXPECT_STREQ(ErrorName(Error::kFull), "Full");
  EXPECT_STREQ(ErrorName(Error::kTimedOut), "TimedOut");
  static_assert(ErrorName(Error::kNotFound)[0] == 'N');
}

TEST(ErrorTest, ValuesOutsideTheEnumAreUnknown) {
  EXPECT_STREQ(ErrorName(static_cast<Error>(200)), "UnknownError");
}

}  // namespace
}  // namespace libk
