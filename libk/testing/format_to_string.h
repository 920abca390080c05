// FormatToString: libk::Format into a std::string, for host tests that compare formatted
// output with the text they expect.
#pragma once

#include <string>

#include "libk/fmt/format.h"

namespace libk::testing {

// Returns the text Format writes for `format` and `args`, however long.
template <typename... Args>
std::string FormatToString(FormatStringFor<Args...> format, const Args&... args) {
  std::string text(FormattedSize(format, args...) + 1, '\0');
  // SAFETY: `text` holds text.size() writable characters.
  text.resize(FormatTo(text.data(), text.size(), format, args...));
  return text;
}

}  // namespace libk::testing
