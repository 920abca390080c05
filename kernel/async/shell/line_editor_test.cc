// The line editor against a model (a std::string per line, with the same rules) on random
// input, and examples of what it echoes.
#include "kernel/async/shell/line_editor.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "libk/fmt/sink.h"

namespace kernel::async::shell {
namespace {

class StringSink final : public libk::Sink {
 public:
  void Write(libk::StringView text) override { out.append(text.data(), text.size()); }
  std::string out;
};

std::vector<std::string> FeedAll(LineEditor& editor, const std::string& input, StringSink& echo) {
  std::vector<std::string> lines;
  for (const char c : input) {
    if (const auto line = editor.Feed(c, echo)) lines.emplace_back(line->data(), line->size());
  }
  return lines;
}

TEST(LineEditorTest, MatchesAModelOnRandomInput) {
  const bool ok = rc::check("lines are what the model says", [] {
    const std::string input = *rc::gen::container<std::string>(rc::gen::oneOf(
        rc::gen::inRange<char>(0x20, 0x7f), rc::gen::element('\b', '\x7f', '\r', '\n', '\t')));
    std::vector<std::string> expected;
    std::string current;
    bool after_return = false;
    for (const char c : input) {
      const bool was_after_return = after_return;
      after_return = c == '\r';
      if (c == '\n' && was_after_return) continue;
      if (c == '\r' || c == '\n') {
        expected.push_back(current);
        current.clear();
      } else if (c == '\b' || c == '\x7f') {
        if (!current.empty()) current.pop_back();
      } else if (c >= 0x20 && c <= 0x7e && current.size() < LineEditor::kMaxLength) {
        current.push_back(c);
      }
    }
    LineEditor editor;
    StringSink echo;
    RC_ASSERT(FeedAll(editor, input, echo) == expected);
    RC_ASSERT(std::string(editor.line().data(), editor.line().size()) == current);
  });
  EXPECT_TRUE(ok);
}

TEST(LineEditorTest, EchoesCharactersBackspaceAndEnter) {
  LineEditor editor;
  StringSink echo;
  EXPECT_EQ(FeedAll(editor, "helo\bp\r\n", echo), std::vector<std::string>{"help"});
  EXPECT_EQ(echo.out, "helo\b \bp\n");
}

TEST(LineEditorTest, BackspaceOnAnEmptyLineEchoesNothing) {
  LineEditor editor;
  StringSink echo;
  EXPECT_EQ(FeedAll(editor, "\b\x7f\n", echo), std::vector<std::string>{""});
  EXPECT_EQ(echo.out, "\n");
}

TEST(LineEditorTest, ATooLongLineSaysSoOnceAndKeepsItsStart) {
  LineEditor editor;
  StringSink echo;
  const std::string full(LineEditor::kMaxLength, 'x');
  const auto lines = FeedAll(editor, full + "yz\n", echo);
  EXPECT_EQ(lines, std::vector<std::string>{full});
  EXPECT_EQ(echo.out, full + "\nline too long (at most 72 characters)\n" + full + "\n");
}

}  // namespace
}  // namespace kernel::async::shell
