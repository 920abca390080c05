// Flags print their names through libk fmt, the same way AppendNames spells them.
#include "libk/flags/flags_format.h"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "libk/fmt/format.h"

namespace keel_test {

enum class PteFlag : std::uint64_t {
  kPresent = std::uint64_t{1} << 0,
  kWritable = std::uint64_t{1} << 1,
  kUser = std::uint64_t{1} << 2,
  kNoExecute = std::uint64_t{1} << 63,
};
LIBK_DEFINE_FLAGS(PteFlag, {PteFlag::kPresent, "PRESENT"}, {PteFlag::kWritable, "WRITABLE"},
                  {PteFlag::kUser, "USER"}, {PteFlag::kNoExecute, "NO_EXECUTE"});
using PteFlags = libk::Flags<PteFlag>;

namespace {

std::string Formatted(PteFlags flags) {
  char buffer[256];
  libk::FormatTo(buffer, "flags: {}", flags);
  return buffer;
}

}  // namespace

TEST(FlagsFormatTest, PrintsNames) {
  EXPECT_EQ(Formatted(PteFlag::kPresent | PteFlag::kWritable), "flags: PRESENT | WRITABLE");
  EXPECT_EQ(Formatted(PteFlags()), "flags: (empty)");
  EXPECT_EQ(Formatted(PteFlags::FromBitsRetain(0x81)), "flags: PRESENT | 0x80");
}

TEST(FlagsFormatTest, KeepsSurroundingText) {
  char buffer[64];
  libk::FormatTo(buffer, "[{}] {:#x}", PteFlag::kUser | PteFlag::kNoExecute, 42);
  EXPECT_STREQ(buffer, "[USER | NO_EXECUTE] 0x2a");
}

}  // namespace keel_test
