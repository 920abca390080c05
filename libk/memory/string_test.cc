// String: libk::Format writes into it, it formats itself, and appending matches
// std::string.
#include "libk/memory/string.h"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/fmt/format.h"
#include "libk/fmt/string_view.h"
#include "libk/testing/format_to_string.h"

namespace libk {
namespace {

std::string Std(const String& text) { return {text.view().data(), text.view().size()}; }

TEST(StringTest, FormatWritesIntoAString) {
  String text;
  Format(text, "{} at {:#x}", "frame", std::uint64_t{0x1000});
  Format(text, ", {} frames", 3);
  EXPECT_EQ(text, StringView("frame at 0x1000, 3 frames"));
  EXPECT_STREQ(text.c_str(), "frame at 0x1000, 3 frames");
  EXPECT_FALSE(text.allocation_failed());
}

TEST(StringTest, FormatsItselfWithStringSpecs) {
  const String name = String::TryFrom("heap").UnwrapOrPanic();
  EXPECT_EQ(testing::FormatToString("[{}] [{:>6}] [{:*<6}]", name, name, name),
            "[heap] [  heap] [heap**]");
}

TEST(StringTest, TryFormatBuildsTheWholeText) {
  const String text = String::TryFormat("{}-{}", 12, "ab").UnwrapOrPanic();
  EXPECT_EQ(Std(text), "12-ab");
  EXPECT_EQ(text.capacity(), 5U);
}

TEST(StringTest, EmptyStringsNeedNoMemory) {
  String text;
  EXPECT_STREQ(text.c_str(), "");
  EXPECT_EQ(text.capacity(), 0U);
  EXPECT_TRUE(text.TryAppend("").is_ok());
  EXPECT_EQ(text.capacity(), 0U);
}

TEST(StringProperty, AppendingMatchesStdString) {
  EXPECT_TRUE(rc::check([](const std::vector<std::string>& pieces, std::uint8_t clear_at) {
    String text;
    std::string model;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const StringView piece(pieces[i].data(), pieces[i].size());
      if (i % 3 == 0) {
        RC_ASSERT(text.TryAppend(piece).is_ok());
      } else if (i % 3 == 1) {
        text.Append(piece);
      } else {
        text.Write(piece);
      }
      model += pieces[i];
      if (i == clear_at) {
        text.Clear();
        model.clear();
      }
      RC_ASSERT(Std(text) == model);
      RC_ASSERT(std::string(text.c_str()) == model.substr(0, model.find('\0')));
      RC_ASSERT(text.capacity() >= text.size());
    }
    const String moved = std::move(text);
    RC_ASSERT(Std(moved) == model);
    RC_ASSERT(text.empty());  // NOLINT(bugprone-use-after-move): specified state.
    const String copy = moved.TryClone().UnwrapOrPanic();
    RC_ASSERT(copy == moved);
  }));
}

}  // namespace
}  // namespace libk
