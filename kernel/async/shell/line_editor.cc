#include "kernel/async/shell/line_editor.h"

#include "libk/fmt/format.h"

namespace kernel::async::shell {

libk::Optional<libk::StringView> LineEditor::Feed(char c, libk::Sink& echo) {
  const bool was_after_return = after_return_;
  after_return_ = c == '\r';
  if (c == '\n' && was_after_return) return {};  // The second half of "\r\n".
  if (c == '\r' || c == '\n') {
    if (dropping_) {
      dropping_ = false;  // The message ended its line: no newline to echo.
    } else {
      echo.Put('\n');
    }
    const libk::StringView done(buffer_, length_);
    length_ = 0;
    return done;
  }
  const bool erase = c == '\b' || c == '\x7f';
  if (!erase && (c < 0x20 || c > 0x7e)) {
    ++stats_.ignored;
    return {};
  }
  if (dropping_) {
    ++stats_.dropped;
    return {};
  }
  if (erase) {
    if (length_ > 0) {
      --length_;
      echo.Write("\b \b");
    }
    return {};
  }
  if (length_ == kMaxLength) {
    dropping_ = true;
    length_ = 0;
    ++stats_.long_lines;
    ++stats_.dropped;
    libk::Format(echo, "\nline too long (at most {} characters); dropped up to the next Enter\n",
                 kMaxLength);
    return {};
  }
  buffer_[length_++] = c;
  echo.Put(c);
  return {};
}

}  // namespace kernel::async::shell
