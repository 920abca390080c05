// BufferSink and FixedBufferSink: whatever is written, the buffer holds a NUL-terminated
// prefix of it, never more than fits, and `truncated()` says whether anything was lost.
// The buffers are heap allocations of exactly the capacity, so ASan sees any overflow.
#include "libk/fmt/sink.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rapidcheck.h"
#include "rapidcheck/gtest.h"

namespace libk {
namespace {

RC_GTEST_PROP(SinkTest, BufferSinkKeepsAPrefixOfEverythingWritten,
              (const std::vector<std::string>& writes)) {
  const std::size_t capacity = *rc::gen::inRange<std::size_t>(0, 48);
  auto buffer = std::make_unique<char[]>(capacity);
  // SAFETY: `buffer` holds `capacity` bytes and outlives the sink.
  BufferSink sink(buffer.get(), capacity);
  std::string all;
  for (const std::string& text : writes) {
    sink.Write(StringView(text.data(), text.size()));
    all += text;
  }
  const std::size_t kept = capacity == 0 ? 0 : std::min(all.size(), capacity - 1);
  RC_ASSERT(sink.size() == kept);
  RC_ASSERT(std::string(sink.view().data(), sink.view().size()) == all.substr(0, kept));
  RC_ASSERT(sink.truncated() == (all.size() > kept));
  if (capacity > 0) {
    RC_ASSERT(buffer[kept] == '\0');
    RC_ASSERT(std::string(sink.c_str()) == all.substr(0, kept).c_str());
  }
}

TEST(SinkTest, FixedBufferSink) {
  FixedBufferSink<4> sink;
  EXPECT_STREQ(sink.c_str(), "");
  sink.Write("ab");
  EXPECT_FALSE(sink.truncated());
  sink.Put('c');
  EXPECT_FALSE(sink.truncated());
  EXPECT_STREQ(sink.c_str(), "abc");
  sink.Put('d');
  EXPECT_TRUE(sink.truncated());
  EXPECT_STREQ(sink.c_str(), "abc");
  EXPECT_EQ(sink.view(), StringView("abc"));
  sink.Clear();
  EXPECT_FALSE(sink.truncated());
  EXPECT_EQ(sink.size(), 0U);
  sink.Write("");
  EXPECT_FALSE(sink.truncated());
}

TEST(SinkTest, ZeroCapacity) {
  BufferSink sink(nullptr, 0);
  sink.Write("");
  EXPECT_FALSE(sink.truncated());
  sink.Write("x");
  EXPECT_TRUE(sink.truncated());
  EXPECT_STREQ(sink.c_str(), "");
  EXPECT_EQ(sink.size(), 0U);
}

TEST(SinkTest, CountingSink) {
  CountingSink sink;
  sink.Write("abc");
  sink.Put('d');
  EXPECT_EQ(sink.count(), 4U);
}

}  // namespace
}  // namespace libk
