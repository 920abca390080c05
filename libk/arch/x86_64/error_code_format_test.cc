#include "libk/arch/x86_64/error_code_format.h"

#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "libk/flags/flags_format.h"
#include "libk/fmt/format.h"

namespace libk::x86_64 {
namespace {

template <typename T>
std::string Text(const T& value) {
  char buffer[256];
  libk::BufferSink sink(buffer);
  libk::Format(sink, "{}", value);
  return buffer;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(", ", start);
    words.emplace_back(text.substr(start, comma - start));
    if (comma == std::string::npos) return words;
    start = comma + 2;
  }
}

// The model: the words straight from the SDM's bit definitions (vol. 3A, figure 4-12).
std::vector<std::string> ModelWords(std::uint64_t raw) {
  const auto bit = [raw](int n) { return ((raw >> n) & 1) != 0; };
  std::vector<std::string> words;
  if (!bit(1) && !bit(4)) words.emplace_back("read");
  if (bit(1)) words.emplace_back("write");
  if (bit(4)) words.emplace_back("instruction fetch");
  words.emplace_back(bit(0) ? "protection violation" : "not present");
  words.emplace_back(bit(2) ? "user" : "kernel");
  if (bit(3)) words.emplace_back("reserved bit set");
  if (bit(5)) words.emplace_back("protection key");
  if (bit(6)) words.emplace_back("shadow stack");
  if (bit(15)) words.emplace_back("SGX");
  const std::uint64_t unknown = raw & ~std::uint64_t{0x807f};
  if (unknown != 0) {
    char hex[32];
    const int length = std::snprintf(hex, sizeof(hex), "unknown bits %#llx",
                                     static_cast<unsigned long long>(unknown));
    EXPECT_GT(length, 0);
    words.emplace_back(hex);
  }
  return words;
}

RC_GTEST_PROP(DescribePageFault, MatchesTheModel, ()) {
  // Mostly the architectural bits, sometimes anything.
  const std::uint64_t raw = *rc::gen::oneOf(rc::gen::inRange<std::uint64_t>(0, 0x10000),
                                            rc::gen::arbitrary<std::uint64_t>());
  RC_ASSERT(Words(Text(PageFaultDescription{PageFaultErrorCode::FromBitsRetain(raw)})) ==
            ModelWords(raw));
}

TEST(DescribePageFault, KnownCodes) {
  EXPECT_EQ(Text(PageFaultDescription{PageFaultErrorCode::FromBitsRetain(0x2)}),
            "write, not present, kernel");
  EXPECT_EQ(Text(PageFaultDescription{PageFaultErrorCode::FromBitsRetain(0x0)}),
            "read, not present, kernel");
  EXPECT_EQ(Text(PageFaultDescription{PageFaultErrorCode::FromBitsRetain(0x11)}),
            "instruction fetch, protection violation, kernel");
  EXPECT_EQ(Text(PageFaultDescription{PageFaultErrorCode::FromBitsRetain(0x7)}),
            "write, protection violation, user");
  EXPECT_EQ(Text(PageFaultDescription{PageFaultErrorCode::FromBitsRetain(0x10009)}),
            "read, protection violation, kernel, reserved bit set, unknown bits 0x10000");
}

TEST(PageFaultErrorCode, PrintsFlagNamesWithoutADescription) {
  EXPECT_EQ(Text(PageFaultErrorCode::FromBitsRetain(0x10006)), "WRITE | USER | 0x10000");
  EXPECT_EQ(Text(PageFaultFlag::kInstructionFetch | PageFaultFlag::kPresent),
            "PRESENT | INSTRUCTION_FETCH");
}

// Parses DescribeSelector's text back (the inverse of the formatter, for round trips).
SelectorErrorCode ParseSelector(const std::string& text) {
  SelectorErrorCode code;
  std::istringstream in(text);
  std::string table;
  std::string kind;
  unsigned index = 0;
  in >> table >> kind >> index;
  code.table = table == "IDT"   ? DescriptorTable::kIdt
               : table == "LDT" ? DescriptorTable::kLdt
                                : DescriptorTable::kGdt;
  code.index = static_cast<std::uint16_t>(index);
  code.external = text.find(", external") != std::string::npos;
  return code;
}

RC_GTEST_PROP(DescribeSelector, RoundTrips, (std::uint16_t raw)) {
  const SelectorErrorCode code = SelectorErrorCode::Decode(raw);
  const std::string text = Text(code);
  if (code == SelectorErrorCode{}) {
    RC_ASSERT(text == "no selector");
  } else {
    RC_ASSERT(ParseSelector(text) == code);
  }
}

TEST(DescribeSelector, KnownCodes) {
  EXPECT_EQ(Text(SelectorErrorCode::Decode(0)), "no selector");
  EXPECT_EQ(Text(SelectorErrorCode::Decode(5 << 3)), "GDT index 5");
  EXPECT_EQ(Text(SelectorErrorCode::Decode((128 << 3) | 2 | 1)), "IDT vector 128, external");
  EXPECT_EQ(Text(SelectorErrorCode::Decode((3 << 3) | 4)), "LDT index 3");
}

}  // namespace
}  // namespace libk::x86_64
