// Death tests: a panic or a failed assertion reports file:line, the function, the
// condition's text and the formatted message, then aborts.
#include "libk/panic/panic.h"

#include <string>

#include "gtest/gtest.h"

namespace libk {
namespace {

// Matches "PANIC at <this file>:<line> in <function>: <message>" (a message ending in
// "\n" must be the whole rest of the report line).
std::string Report(int line, const std::string& function, const std::string& message) {
  return "PANIC at libk/panic/panic_test\\.cc:" + std::to_string(line) + " in " + function + ": " +
         message;
}

TEST(PanicTest, PanicWithALiteralMessage) {
  const int line = __LINE__ + 1;
  EXPECT_DEATH(Panic("no more frames"), Report(line, "TestBody", "no more frames"));
}

TEST(PanicTest, LibkPanicFormatsItsMessage) {
  const int line = __LINE__ + 1;
  EXPECT_DEATH(LIBK_PANIC("frame {:#x} of {}", 0x1000, "pool"),
               Report(line, "TestBody", "frame 0x1000 of pool\n"));
}

TEST(PanicTest, LibkPanicWithoutArguments) {
  const int line = __LINE__ + 1;
  EXPECT_DEATH(LIBK_PANIC("plain message {{not a field}}"),
               Report(line, "TestBody", "plain message \\{not a field\\}\n"));
}

TEST(PanicTest, AssertWithoutMessageShowsTheCondition) {
  const int x = 1;
  const int line = __LINE__ + 1;
  EXPECT_DEATH(LIBK_ASSERT(x == 2), Report(line, "TestBody", "assertion failed: x == 2\n"));
}

TEST(PanicTest, AssertWithLiteralMessage) {
  const int x = 1;
  const int line = __LINE__ + 1;
  EXPECT_DEATH(LIBK_ASSERT(x > 1, "x too small"),
               Report(line, "TestBody", "assertion failed: x > 1: x too small\n"));
}

TEST(PanicTest, AssertFormatsItsMessage) {
  const int x = -7;
  const int line = __LINE__ + 1;
  EXPECT_DEATH(LIBK_ASSERT(x >= 0, "x = {} ({:#x})", x, 255U),
               Report(line, "TestBody", "assertion failed: x >= 0: x = -7 \\(0xff\\)\n"));
}

TEST(PanicTest, AssertPassesQuietlyAndEvaluatesArgumentsOnlyOnFailure) {
  int evaluated = 0;
  auto count = [&evaluated] { return ++evaluated; };
  LIBK_ASSERT(evaluated == 0, "{}", count());
  EXPECT_EQ(evaluated, 0);
}

TEST(PanicTest, LongMessagesAreTruncatedWithAnEllipsis) {
  std::string message(400, 'm');
  const StringView view(message.data(), message.size());
  // 256-byte buffer: 255 characters, the last three of them "...".
  const std::string expected = std::string(252, 'm') + "\\.\\.\\.\n";
  const int line = __LINE__ + 1;
  EXPECT_DEATH(LIBK_PANIC("{}", view), Report(line, "TestBody", expected));
}

}  // namespace
}  // namespace libk
