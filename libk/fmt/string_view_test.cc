// StringView: construction, comparison, Substr/StartsWith/Find, at compile and run time.
#include "libk/fmt/string_view.h"

#include <string>

#include "gtest/gtest.h"

namespace libk {
namespace {

static_assert(StringView("abc").size() == 3);
static_assert(StringView(nullptr).empty());
static_assert(StringView("abc") == StringView("abcd", 3));
static_assert(!(StringView("abc") == StringView("abd")));
static_assert(StringView("hello").Substr(1, 3) == "ell");
static_assert(StringView("hello").Substr(3) == "lo");
static_assert(StringView("hello").Substr(9).empty());
static_assert(StringView("hello").Substr(2, 100) == "llo");
static_assert(StringView("hello").StartsWith("he"));
static_assert(!StringView("hello").StartsWith("hello!"));
static_assert(StringView("hello").Find('l') == 2);
static_assert(StringView("hello").Find('l', 3) == 3);
static_assert(StringView("hello").Find('z') == StringView::kNpos);

// BoundedStringLength stops at the first NUL or after `max` characters. Constant
// evaluation rejects a read past an array, so the unterminated case proves it reads
// nothing at or past text + max.
constexpr char kUnterminated[3] = {'a', 'b', 'c'};
static_assert(BoundedStringLength(kUnterminated, 3) == 3);
static_assert(BoundedStringLength(kUnterminated, 2) == 2);
static_assert(BoundedStringLength("ab\0cd", 6) == 2);
static_assert(BoundedStringLength("", 1) == 0);
static_assert(BoundedStringLength(nullptr, 0) == 0);

TEST(StringViewTest, IteratesOverItsCharacters) {
  std::string copy;
  for (const char c : StringView("a\0b", 3)) copy += c;
  EXPECT_EQ(copy, std::string("a\0b", 3));
  const StringView view("xyz");
  EXPECT_EQ(view[0], 'x');
  EXPECT_EQ(view[2], 'z');
  EXPECT_EQ(view.end() - view.begin(), 3);
}

}  // namespace
}  // namespace libk
