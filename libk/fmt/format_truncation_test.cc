// Property: formatting into a buffer of any capacity gives a NUL-terminated prefix of the
// untruncated output and never writes past the buffer (the buffer is a heap allocation of
// exactly that size, so ASan reports any overflow: bazel test --config=asan).
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#include "libk/fmt/format.h"

#include "gtest/gtest.h"
#include "rapidcheck.h"
#include "rapidcheck/gtest.h"

namespace libk {
namespace {

RC_GTEST_PROP(FormatTruncationTest, OutputIsAPrefixOfTheUntruncatedOutput,
              (std::int64_t a, std::uint32_t b, const std::string& text, bool flag, char c)) {
  const StringView view(text.data(), text.size());
  char full_buffer[1024];
  const std::size_t full_size =
      FormatTo(full_buffer, "{:>+12}|{:#x}[{}]{:^7}{}", a, b, view, flag, c);
  const std::string full(full_buffer, full_size);
  RC_ASSERT(full_size == FormattedSize("{:>+12}|{:#x}[{}]{:^7}{}", a, b, view, flag, c));

  const std::size_t capacity = *rc::gen::inRange<std::size_t>(0, full.size() + 3);
  auto buffer = std::make_unique<char[]>(capacity);
  // SAFETY: `buffer` holds `capacity` bytes.
  const std::size_t size =
      FormatTo(buffer.get(), capacity, "{:>+12}|{:#x}[{}]{:^7}{}", a, b, view, flag, c);
  const std::size_t expected = capacity == 0 ? 0 : std::min(full.size(), capacity - 1);
  RC_ASSERT(size == expected);
  RC_ASSERT(std::string(buffer.get(), size) == full.substr(0, size));
  if (capacity > 0) RC_ASSERT(buffer[size] == '\0');
}

}  // namespace
}  // namespace libk
