// The shell's line editor, pure so the host tests it: bytes in (from a keyboard task or
// COM1), echo out to a Sink, a finished line at Enter. It knows printable characters,
// backspace and Enter; a line has a fixed maximum length, and a longer one is dropped
// whole. It counts what it ignored or dropped, for the `stats` command.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/fmt/sink.h"
#include "libk/fmt/string_view.h"
#include "libk/result/optional.h"

namespace kernel::async::shell {

// What a LineEditor did not take, since it was made.
struct LineEditorStats {
  std::uint64_t ignored = 0;     // Control bytes and bytes above 0x7e (never part of a line).
  std::uint64_t dropped = 0;     // Characters past kMaxLength, and backspaces after them.
  std::uint64_t long_lines = 0;  // Lines dropped for growing too long.

  constexpr bool operator==(const LineEditorStats&) const = default;
};

class LineEditor {
 public:
  // The longest line, in characters: a prompt and a line fit on an 80-column row.
  static constexpr std::size_t kMaxLength = 72;

  // Feeds one input byte and echoes its effect to `echo`:
  // - printable ASCII (0x20..0x7e) is appended and echoed;
  // - backspace (0x08) or delete (0x7f) removes the last character ("\b \b"), if any;
  // - Enter ('\r' or '\n'; a '\n' right after '\r' is part of the same Enter) echoes a
  //   newline and returns the line, valid until the next call;
  // - anything else is ignored (and counted).
  // A line that would grow past kMaxLength is dropped: the first character too many
  // prints "line too long (at most 72 characters); dropped up to the next Enter" on a line
  // of its own, every character and backspace up to Enter is dropped (and counted), and
  // Enter returns an empty line, so the caller runs nothing and prompts again. Memory and
  // output per line stay bounded, and a truncated line never runs as a command.
  libk::Optional<libk::StringView> Feed(char c, libk::Sink& echo);

  // Returns the line typed so far (empty while a too-long line is being dropped).
  libk::StringView line() const { return {buffer_, length_}; }

  // Returns what this editor ignored or dropped.
  const LineEditorStats& stats() const { return stats_; }

 private:
  char buffer_[kMaxLength] = {};
  std::size_t length_ = 0;
  bool dropping_ = false;      // The line grew too long; bytes up to Enter are dropped.
  bool after_return_ = false;  // The last byte was '\r'.
  LineEditorStats stats_;
};

}  // namespace kernel::async::shell
