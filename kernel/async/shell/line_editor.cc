#include "kernel/async/shell/line_editor.h"

#include "libk/fmt/format.h"

namespace kernel::async::shell {

libk::Optional<libk::StringView> LineEditor::Feed(char c, libk::Sink& echo) {
  const bool was_after_return = after_return_;
  after_return_ = c == '\r';
  if (c == '\n' && was_after_return) return {};  // The second half of "\r\n".
  if (c == '\r' || c == '\n') {
    echo.Put('\n');
    const libk::StringView done(buffer_, length_);
    length_ = 0;
    warned_ = false;
    return done;
  }
  if (c == '\b' || c == '\x7f') {
    if (length_ > 0) {
      --length_;
      echo.Write("\b \b");
    }
    return {};
  }
  if (c < 0x20 || c > 0x7e) return {};
  if (length_ == kMaxLength) {
    if (!warned_) {
      warned_ = true;
      libk::Format(echo, "\nline too long (at most {} characters)\n", kMaxLength);
      echo.Write(line());
    }
    return {};
  }
  buffer_[length_++] = c;
  echo.Put(c);
  return {};
}

}  // namespace kernel::async::shell
