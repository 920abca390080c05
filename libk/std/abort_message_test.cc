// FormatAbortMessage against the C library's snprintf, on formats made of literal text, %s
// and %% (all that libc++'s verbose-abort messages use) with random string arguments.
#include "libk/std/abort_message.h"

#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/fmt/sink.h"

namespace {

// Formats with FormatAbortMessage into a large buffer; returns the text.
std::string Ours(const char* format, ...) {  // NOLINT(cert-dcl50-cpp): mirrors the hook.
  static char buffer[4096];
  libk::BufferSink sink(buffer);
  std::va_list args;
  va_start(args, format);
  libk::FormatAbortMessage(sink, format, args);
  va_end(args);
  return std::string(sink.view().data(), sink.view().size());
}

// Returns text that holds no '%' (a conversion would change the meaning of the format).
rc::Gen<std::string> LiteralText() {
  return rc::gen::map(rc::gen::arbitrary<std::string>(), [](std::string text) {
    std::erase(text, '%');
    std::erase(text, '\0');
    return text;
  });
}

RC_GTEST_PROP(AbortMessageTest, MatchesSnprintfForStringConversions, ()) {
  // Up to three %s (as many as arguments are passed below), %% anywhere, literal text around.
  const auto pieces = *rc::gen::container<std::vector<std::string>>(rc::gen::oneOf(
      LiteralText(), rc::gen::just(std::string("%s")), rc::gen::just(std::string("%%"))));
  std::string format;
  int strings = 0;
  for (const std::string& piece : pieces) {
    if (piece == "%s" && ++strings > 3) continue;
    format += piece;
  }
  const std::string a = *LiteralText();
  const std::string b = *rc::gen::arbitrary<std::string>();  // May hold '%': printed as is.
  const std::string c = *LiteralText();
  std::vector<char> b_text(b.begin(), b.end());
  b_text.push_back('\0');
  char expected[4096];
  const int written = std::snprintf(expected, sizeof(expected), format.c_str(), a.c_str(),
                                    b_text.data(), c.c_str());
  RC_ASSERT(written >= 0 && static_cast<std::size_t>(written) < sizeof(expected));
  RC_ASSERT(Ours(format.c_str(), a.c_str(), b_text.data(), c.c_str()) == std::string(expected));
}

TEST(AbortMessageTest, WritesLibcxxMessages) {
  EXPECT_EQ(Ours("%s", "span.h:42: assertion i < n failed: index out of range\n"),
            "span.h:42: assertion i < n failed: index out of range\n");
  EXPECT_EQ(Ours("bad_optional_access was thrown in -fno-exceptions mode"),
            "bad_optional_access was thrown in -fno-exceptions mode");
  EXPECT_EQ(Ours("length_error was thrown in -fno-exceptions mode with message \"%s\"", "too big"),
            "length_error was thrown in -fno-exceptions mode with message \"too big\"");
}

TEST(AbortMessageTest, KeepsOtherConversionsAndEdges) {
  EXPECT_EQ(Ours("100%% of %s", "it"), "100% of it");
  EXPECT_EQ(Ours("%d and %s", "x"), "%d and x");  // %d is not understood and takes nothing.
  EXPECT_EQ(Ours("ends with %"), "ends with %");
  EXPECT_EQ(Ours("%s", static_cast<const char*>(nullptr)), "(null)");
  EXPECT_EQ(Ours(""), "");
}

}  // namespace
