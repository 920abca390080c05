// The line editor against a model (a std::string per line, with the same rules) on random
// input, and examples of what it echoes.
#include "kernel/async/shell/line_editor.h"

#include <cstddef>
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
  const bool ok = rc::check("lines and counts are what the model says", [] {
    // Mostly printable, so that lines often grow past the limit between two Enters.
    const std::string input =
        *rc::gen::resize(400, rc::gen::container<std::string>(rc::gen::weightedOneOf<char>({
                                  {40, rc::gen::inRange<char>(0x20, 0x7f)},
                                  {1, rc::gen::element('\b', '\x7f')},
                                  {1, rc::gen::element('\r', '\n')},
                                  {1, rc::gen::element('\t', '\0', '\x1b', '\x01', '\x80', '\xff')},
                              })));
    std::vector<std::string> expected;
    std::string current;
    bool dropping = false;
    LineEditorStats stats;
    bool after_return = false;
    for (const char c : input) {
      const bool was_after_return = after_return;
      after_return = c == '\r';
      if (c == '\n' && was_after_return) continue;
      const bool erase = c == '\b' || c == '\x7f';
      if (c == '\r' || c == '\n') {
        expected.push_back(current);
        current.clear();
        dropping = false;
      } else if (!erase && (c < 0x20 || c > 0x7e)) {
        ++stats.ignored;
      } else if (dropping) {
        ++stats.dropped;
      } else if (erase) {
        if (!current.empty()) current.pop_back();
      } else if (current.size() == LineEditor::kMaxLength) {
        current.clear();
        dropping = true;
        ++stats.long_lines;
        ++stats.dropped;
      } else {
        current.push_back(c);
      }
    }
    LineEditor editor;
    StringSink echo;
    RC_ASSERT(FeedAll(editor, input, echo) == expected);
    RC_ASSERT(std::string(editor.line().data(), editor.line().size()) == current);
    RC_ASSERT(editor.stats() == stats);
    RC_CLASSIFY(stats.long_lines > 0, "a line grew too long");
    // Output stays bounded: per input byte, at most the echo of a backspace or, once a
    // line, the too-long message.
    RC_ASSERT(echo.out.size() <= (3 * input.size()) + (80 * stats.long_lines));
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

TEST(LineEditorTest, ATooLongLineSaysSoOnceAndIsDroppedWhole) {
  LineEditor editor;
  StringSink echo;
  const std::string full(LineEditor::kMaxLength, 'x');
  // 72 characters fit; the 73rd drops the line, and so does all that follows up to Enter.
  const auto lines = FeedAll(editor, full + "yz\bw\nhelp\n", echo);
  EXPECT_EQ(lines, (std::vector<std::string>{"", "help"}));
  EXPECT_EQ(echo.out, full +
                          "\nline too long (at most 72 characters); dropped up to the next "
                          "Enter\nhelp\n");
  EXPECT_EQ(editor.stats(), (LineEditorStats{.ignored = 0, .dropped = 4, .long_lines = 1}));
}

TEST(LineEditorTest, AVeryLongLineStaysBounded) {
  LineEditor editor;
  StringSink echo;
  const std::string huge(std::size_t{64} * 1024, 'y');
  EXPECT_EQ(FeedAll(editor, huge + "\r\n", echo), std::vector<std::string>{""});
  EXPECT_EQ(echo.out.size(), LineEditor::kMaxLength + 69);
  EXPECT_EQ(editor.stats().dropped, huge.size() - LineEditor::kMaxLength);
  EXPECT_EQ(editor.stats().long_lines, 1U);
}

TEST(LineEditorTest, ControlBytesAreIgnoredAndCounted) {
  LineEditor editor;
  StringSink echo;
  EXPECT_EQ(FeedAll(editor, std::string("a\0b\x1b[A\xff\tc\n", 10), echo),
            std::vector<std::string>{"ab[Ac"});
  EXPECT_EQ(echo.out, "ab[Ac\n");
  EXPECT_EQ(editor.stats(), (LineEditorStats{.ignored = 4, .dropped = 0, .long_lines = 0}));
}

}  // namespace
}  // namespace kernel::async::shell
