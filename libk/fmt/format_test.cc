// Examples for Format: strings, characters, booleans, pointers, escapes, custom formatters,
// FormatTo and FormattedSize; and compile-time checks of the format string scanner.
#include "libk/fmt/format.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <string>

#include "libk/testing/format_to_string.h"

#include "gtest/gtest.h"

namespace libk {
namespace {

using testing::FormatToString;

TEST(FormatTest, LiteralTextAndEscapes) {
  EXPECT_EQ(FormatToString("plain text"), "plain text");
  EXPECT_EQ(FormatToString(""), "");
  EXPECT_EQ(FormatToString("{{}}"), "{}");
  EXPECT_EQ(FormatToString("{{{}}}", 1), "{1}");
  EXPECT_EQ(FormatToString("a{{b}}c{}d", 'x'), "a{b}cxd");
  EXPECT_EQ(FormatToString("}}{{"), "}{");
}

TEST(FormatTest, Strings) {
  const char* c_string = "hello";
  const char array[8] = {'a', 'b', 'c', '\0', 'x', 'y', 'z', 'w'};
  const char unterminated[3] = {'x', 'y', 'z'};
  const char* null = nullptr;
  EXPECT_EQ(FormatToString("{} {}", c_string, StringView("world")), "hello world");
  EXPECT_EQ(FormatToString("[{}]", "literal"), "[literal]");
  EXPECT_EQ(FormatToString("[{}]", array), "[abc]");
  EXPECT_EQ(FormatToString("[{}]", unterminated), "[xyz]");  // stops at the end of the array
  EXPECT_EQ(FormatToString("{}", null), "(null)");
  EXPECT_EQ(FormatToString("[{:8}]", "ab"), "[ab      ]");
  EXPECT_EQ(FormatToString("[{:>8}]", "ab"), "[      ab]");
  EXPECT_EQ(FormatToString("[{:*^7s}]", "ab"), "[**ab***]");
  EXPECT_EQ(FormatToString("[{:2}]", "abcd"), "[abcd]");  // width is a minimum
  EXPECT_EQ(FormatToString("{} at {:#x}", "page", 0x1000U), "page at 0x1000");
}

TEST(FormatTest, CharactersAndBooleans) {
  EXPECT_EQ(FormatToString("{}{}", 'o', 'k'), "ok");
  EXPECT_EQ(FormatToString("[{:^5}]", 'c'), "[  c  ]");
  EXPECT_EQ(FormatToString("{:d} {:#04x}", 'A', '\xff'), "65 0xff");
  EXPECT_EQ(FormatToString("{} {}", true, false), "true false");
  EXPECT_EQ(FormatToString("[{:>6}]", true), "[  true]");
  EXPECT_EQ(FormatToString("{:d}{:b}", true, false), "10");
  EXPECT_EQ(FormatToString("{}", static_cast<std::int8_t>(-5)), "-5");     // int8_t is an integer
  EXPECT_EQ(FormatToString("{}", static_cast<std::uint8_t>(200)), "200");  // so is uint8_t
}

const void* Address(std::uintptr_t value) {
  // SAFETY: the pointer is only formatted, never dereferenced.
  return std::bit_cast<const void*>(value);
}

TEST(FormatTest, Pointers) {
  int object = 0;
  auto address = std::bit_cast<std::uintptr_t>(&object);
  char expected[32];
  (void)std::snprintf(expected, sizeof(expected), "0x%lx", static_cast<unsigned long>(address));
  EXPECT_EQ(FormatToString("{}", &object), expected);
  EXPECT_EQ(FormatToString("{:p}", static_cast<const void*>(&object)), expected);
  EXPECT_EQ(FormatToString("{}", nullptr), "0x0");
  const int* null_int = nullptr;
  EXPECT_EQ(FormatToString("[{:>6}]", null_int), "[   0x0]");
  EXPECT_EQ(FormatToString("{:018}", Address(0xffff800000001000)), "0xffff800000001000");
  EXPECT_EQ(FormatToString("{:010}", Address(0x1000)), "0x00001000");
  EXPECT_EQ(FormatToString("{:X}", Address(0xabc)), "ABC");
  const char* text = "t";
  (void)std::snprintf(expected, sizeof(expected), "0x%lx", std::bit_cast<unsigned long>(text));
  EXPECT_EQ(FormatToString("{:p}", text), expected);
}

// A libk-style type with its own Formatter that reuses the integer formatter's specs.
struct Frame {
  std::uint64_t number;
};
enum class Color { kRed, kGreen };
// A type whose Formatter accepts only "{}".
struct Plain {
  int a, b;
};

}  // namespace

template <>
struct Formatter<Frame> {
  static constexpr bool ValidateSpec(const FormatSpec& spec) {
    return Formatter<std::uint64_t>::ValidateSpec(spec);
  }
  static void Format(const Frame& frame, const FormatSpec& spec, Sink& sink) {
    sink.Write("Frame(");
    Formatter<std::uint64_t>::Format(frame.number * 4096, spec, sink);
    sink.Put(')');
  }
};

template <>
struct Formatter<Color> {
  static void Format(Color color, const FormatSpec& spec, Sink& sink) {
    Formatter<StringView>::Format(color == Color::kRed ? "red" : "green", spec, sink);
  }
};

template <>
struct Formatter<Plain> {
  static void Format(const Plain& p, const FormatSpec&, Sink& sink) {
    libk::Format(sink, "<{},{}>", p.a, p.b);
  }
};

namespace {

TEST(FormatTest, CustomFormatters) {
  EXPECT_EQ(FormatToString("{:#x}", Frame{3}), "Frame(0x3000)");
  EXPECT_EQ(FormatToString("{:#010x} {}", Frame{1}, Frame{2}), "Frame(0x00001000) Frame(8192)");
  EXPECT_EQ(FormatToString("{} {}", Color::kRed, Color::kGreen), "red green");
  EXPECT_EQ(FormatToString("{}{}", Plain{1, 2}, Plain{-3, 4}), "<1,2><-3,4>");
}

TEST(FormatTest, FormatToTruncatesAndTerminates) {
  char out[6];
  std::ranges::fill(out, '#');
  EXPECT_EQ(FormatTo(out, "{}-{}", 1234, 5678), 5U);
  EXPECT_STREQ(out, "1234-");
  char small[1] = {'#'};
  EXPECT_EQ(FormatTo(small, "{}", 1), 0U);
  EXPECT_EQ(small[0], '\0');
  char raw[4];
  // SAFETY: `raw` has 4 bytes.
  EXPECT_EQ(FormatTo(raw, sizeof(raw), "{:>5}", 'x'), 3U);
  EXPECT_STREQ(raw, "   ");
}

TEST(FormatTest, FormattedSize) {
  EXPECT_EQ(FormattedSize("{} at {:#x}", "page", 0x1000U), 14U);
  EXPECT_EQ(FormattedSize("{:1000}", 1), 1000U);
  EXPECT_EQ(FormattedSize(""), 0U);
}

TEST(FormatTest, WidePaddingIsWrittenInChunks) {
  CountingSink sink;
  Format(sink, "{:65535}|{:<65535}", 1, "x");
  EXPECT_EQ(sink.count(), (2U * 65535U) + 1U);
}

// The scanner, at compile time: how many fields, and where errors are found.
constexpr internal::ScanResult Scan(StringView format) {
  return internal::ScanFormatString(
      format, [](StringView) {},
      [](std::size_t, const FormatSpec&) { return internal::FormatError::kNone; });
}
static_assert(Scan("{} {:x} {{}}").fields == 2);
static_assert(Scan("abc{").error == internal::FormatError::kUnmatchedOpenBrace);
static_assert(Scan("abc}").error == internal::FormatError::kUnmatchedCloseBrace);
static_assert(Scan("abc}").offset == 3);
static_assert(Scan("{0}").error == internal::FormatError::kArgumentIndex);
static_assert(Scan("{:q}").error == internal::FormatError::kUnknownType);
static_assert(Scan("{:.3}").error == internal::FormatError::kBadSpec);
static_assert(Scan("{:65536}").error == internal::FormatError::kBadSpec);
static_assert(Scan("{:{}}").error == internal::FormatError::kBadSpec);
static_assert(Scan("{:xx}").error == internal::FormatError::kBadSpec);

constexpr FormatSpec Parse(StringView spec) { return internal::ParseSpec(spec).spec; }
static_assert(Parse("*^+#012X") == FormatSpec{.fill = '*',
                                              .align = Align::kCenter,
                                              .sign = Sign::kPlus,
                                              .alternate = true,
                                              .zero_pad = true,
                                              .width = 12,
                                              .type = 'X'});
static_assert(Parse("<").align == Align::kLeft && Parse("<").fill == ' ');
static_assert(Parse("<<").fill == '<' && Parse("<<").align == Align::kLeft);
static_assert(Parse("0").zero_pad && Parse("0").width == 0);
static_assert(Parse("00").zero_pad && Parse("00").width == 0);
static_assert(Parse(" d").sign == Sign::kSpace);

// The compile-time check accepts what each type allows.
static_assert(Formatter<int>::ValidateSpec(Parse("+#010b")));
static_assert(!Formatter<StringView>::ValidateSpec(Parse("x")));
static_assert(!Formatter<StringView>::ValidateSpec(Parse("+")));
static_assert(!Formatter<bool>::ValidateSpec(Parse("c")));
static_assert(!Formatter<const void*>::ValidateSpec(Parse("#p")));
static_assert(!Formatter<const void*>::ValidateSpec(Parse("d")));
static_assert(!Formatter<int>::ValidateSpec(Parse("+c")));
static_assert(!internal::AcceptsSpec<Plain>(Parse("x")));
static_assert(internal::AcceptsSpec<Plain>(FormatSpec{}));

// Exactly the standard integer types format as numbers: bool and char have formatters of
// their own, the other character types have none (so they cannot print as numbers by
// accident), and neither does a 128-bit integer, which would not fit a FormatArg.
static_assert(internal::HasFormatter<signed char> && internal::HasFormatter<unsigned char>);
static_assert(internal::HasFormatter<long long> && internal::HasFormatter<unsigned long long>);
static_assert(internal::Integer<short> && internal::Integer<unsigned long>);
static_assert(!internal::Integer<bool> && !internal::Integer<char>);
static_assert(!internal::HasFormatter<wchar_t> && !internal::HasFormatter<char8_t>);
static_assert(!internal::HasFormatter<char16_t> && !internal::HasFormatter<char32_t>);
static_assert(!internal::HasFormatter<__int128> && !internal::HasFormatter<unsigned __int128>);
static_assert(!internal::Integer<const int>);

}  // namespace
}  // namespace libk
