// The shell's line editor, pure so the host tests it: bytes in (from a keyboard task or
// COM1), echo out to a Sink, a finished line at Enter. It knows printable characters,
// backspace and Enter; a line has a fixed maximum length, and typing past it says so.
#pragma once

#include <cstddef>

#include "libk/fmt/sink.h"
#include "libk/fmt/string_view.h"
#include "libk/result/optional.h"

namespace kernel::async::shell {

class LineEditor {
 public:
  // The longest line, in characters: a prompt and a line fit on an 80-column row.
  static constexpr std::size_t kMaxLength = 72;

  // Feeds one input byte and echoes its effect to `echo`:
  // - printable ASCII (0x20..0x7e) is appended and echoed; past kMaxLength it is dropped,
  //   and the first drop of a line prints "line too long (at most 72 characters)" on a
  //   line of its own, then the line so far again;
  // - backspace (0x08) or delete (0x7f) removes the last character ("\b \b"), if any;
  // - Enter ('\r' or '\n'; a '\n' right after '\r' is part of the same Enter) echoes a
  //   newline and returns the line, valid until the next call;
  // - anything else is ignored.
  libk::Optional<libk::StringView> Feed(char c, libk::Sink& echo);

  // Returns the line typed so far.
  libk::StringView line() const { return {buffer_, length_}; }

 private:
  char buffer_[kMaxLength] = {};
  std::size_t length_ = 0;
  bool warned_ = false;        // The too-long message was printed for this line.
  bool after_return_ = false;  // The last byte was '\r'.
};

}  // namespace kernel::async::shell
