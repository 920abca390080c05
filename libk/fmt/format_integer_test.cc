// Property: integers formatted through a random spec "{:[[fill]align][sign][#][0][width][type]}"
// match snprintf given the same spec (and a small model for binary, which snprintf lacks).
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>

#include "libk/fmt/format.h"
#include "libk/testing/format_to_string.h"

#include "gtest/gtest.h"
#include "rapidcheck.h"
#include "rapidcheck/gtest.h"

namespace libk {
namespace {

struct RandomSpec {
  char fill = ' ';
  char align = '\0';  // '\0' < > ^
  char sign = '\0';   // '\0' - + ' '
  bool alternate = false;
  bool zero = false;
  int width = 0;
  char type = '\0';  // '\0' d x X o b

  std::string Text() const {
    std::string s = "{:";
    if (align != '\0') s += std::string(1, fill) + align;
    if (sign != '\0') s += sign;
    if (alternate) s += '#';
    if (zero) s += '0';
    if (width > 0) s += std::to_string(width);
    if (type != '\0') s += type;
    return s + "}";
  }
};

rc::Gen<RandomSpec> GenSpec() {
  return rc::gen::build<RandomSpec>(
      rc::gen::set(&RandomSpec::fill,
                   rc::gen::element(' ', '*', '-', '_', '.', '0', '<', '^', ':', 'x', '#')),
      rc::gen::set(&RandomSpec::align, rc::gen::element('\0', '<', '>', '^')),
      rc::gen::set(&RandomSpec::sign, rc::gen::element('\0', '-', '+', ' ')),
      rc::gen::set(&RandomSpec::alternate, rc::gen::arbitrary<bool>()),
      rc::gen::set(&RandomSpec::zero, rc::gen::arbitrary<bool>()),
      rc::gen::set(&RandomSpec::width, rc::gen::inRange(0, 41)),
      rc::gen::set(&RandomSpec::type, rc::gen::element('\0', 'd', 'x', 'X', 'o', 'b')));
}

// Binary digits of `v`, which snprintf does not have.
std::string BinaryModel(std::uint64_t v) {
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + (v % 2)));
    v /= 2;
  } while (v != 0);
  return digits;
}

// Formats `magnitude` with snprintf's '#' and '0' flags and a width; returns "" on error.
std::string Snprintf(const std::string& format, std::uint64_t magnitude) {
  char out[128];
  const int n =
      std::snprintf(out, sizeof(out), format.c_str(), static_cast<unsigned long long>(magnitude));
  return n < 0 ? "" : std::string(out, static_cast<std::size_t>(n));
}

// What Format should produce, built from snprintf: snprintf does the digits, '#' prefix and
// zero padding; the model adds the sign (snprintf's unsigned conversions have none, and
// std::format prints "-ff", not two's complement) and fill/alignment (snprintf pads with
// spaces only and cannot center).
// NOLINTNEXTLINE(readability-function-cognitive-complexity): the model, spelled out.
std::string Expected(std::uint64_t magnitude, bool negative, const RandomSpec& spec) {
  const std::string sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  const bool zero_pad = spec.zero && spec.align == '\0';  // an alignment overrides '0'
  const int digits_width = zero_pad ? spec.width - static_cast<int>(sign.size()) : 0;
  std::string core;
  if (spec.type == 'b') {
    const std::string prefix = spec.alternate ? "0b" : "";
    const std::string digits = BinaryModel(magnitude);
    const int zeros = digits_width - static_cast<int>(prefix.size() + digits.size());
    core = prefix + std::string(zeros > 0 ? zeros : 0, '0') + digits;
  } else {
    const char conv = spec.type == 'x' || spec.type == 'X' || spec.type == 'o' ? spec.type : 'u';
    const bool hex = conv == 'x' || conv == 'X';
    // snprintf's "%#x" of 0 is "0"; std::format's "{:#x}" is "0x0": add that prefix here.
    const bool manual_prefix = spec.alternate && hex && magnitude == 0;
    std::string format = "%";
    if (spec.alternate && conv != 'u' && !manual_prefix) format += '#';
    const int width = digits_width - (manual_prefix ? 2 : 0);
    if (zero_pad && width > 0) format += "0" + std::to_string(width);
    format += "ll";
    format += conv;
    core = Snprintf(format, magnitude);
    if (manual_prefix) core = (conv == 'x' ? "0x" : "0X") + core;
  }
  std::string body = sign + core;
  auto width = static_cast<std::size_t>(spec.width);
  if (body.size() >= width) return body;
  const std::size_t pad = width - body.size();
  const char align = spec.align == '\0' ? '>' : spec.align;
  const std::size_t before = align == '>' ? pad : align == '^' ? pad / 2 : 0;
  const char fill = spec.align == '\0' ? ' ' : spec.fill;  // a fill is written only with an align
  return std::string(before, fill) + body + std::string(pad - before, fill);
}

// Formats `value` through the run-time half of Format (the compile-time half cannot take
// a random spec); the spec must also be one the compile-time check accepts.
template <typename T>
std::string Actual(T value, const std::string& format) {
  const internal::SpecParse parsed = internal::ParseSpec(
      StringView(format.data() + 2, format.size() - 3));  // between "{:" and "}"
  RC_ASSERT(parsed.error == internal::FormatError::kNone);
  RC_ASSERT(Formatter<T>::ValidateSpec(parsed.spec));
  char out[256];
  BufferSink sink(out);
  const internal::FormatArg arg = internal::MakeArg(value);
  internal::VFormat(sink, StringView(format.data(), format.size()), &arg, 1);
  RC_ASSERT(!sink.truncated());
  return std::string(sink.view().data(), sink.view().size());
}

template <typename T>
rc::Gen<T> GenInteger() {
  using L = std::numeric_limits<T>;
  return rc::gen::oneOf(rc::gen::arbitrary<T>(),
                        rc::gen::element<T>(L::min(), L::max(), T{0}, T{1}, T(L::max() / 2)));
}

template <typename T>
void CheckAgainstSnprintf() {
  T value = *GenInteger<T>();
  const RandomSpec spec = *GenSpec();
  const std::string format = spec.Text();
  RC_TAG(std::string("type ") + (spec.type != 0 ? spec.type : '-'));
  const bool negative = value < 0;
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  const std::string expected = Expected(magnitude, negative, spec);
  const std::string actual = Actual(value, format);
  RC_LOG() << "format " << format << " value " << static_cast<long long>(value) << "\n";
  RC_ASSERT(actual == expected);
}

RC_GTEST_PROP(FormatIntegerTest, Int8MatchesSnprintf, ()) { CheckAgainstSnprintf<std::int8_t>(); }
RC_GTEST_PROP(FormatIntegerTest, Int16MatchesSnprintf, ()) { CheckAgainstSnprintf<std::int16_t>(); }
RC_GTEST_PROP(FormatIntegerTest, Int32MatchesSnprintf, ()) { CheckAgainstSnprintf<std::int32_t>(); }
RC_GTEST_PROP(FormatIntegerTest, Int64MatchesSnprintf, ()) { CheckAgainstSnprintf<std::int64_t>(); }
RC_GTEST_PROP(FormatIntegerTest, Uint8MatchesSnprintf, ()) { CheckAgainstSnprintf<std::uint8_t>(); }
RC_GTEST_PROP(FormatIntegerTest, Uint16MatchesSnprintf, ()) {
  CheckAgainstSnprintf<std::uint16_t>();
}
RC_GTEST_PROP(FormatIntegerTest, Uint32MatchesSnprintf, ()) {
  CheckAgainstSnprintf<std::uint32_t>();
}
RC_GTEST_PROP(FormatIntegerTest, Uint64MatchesSnprintf, ()) {
  CheckAgainstSnprintf<std::uint64_t>();
}

using testing::FormatToString;

// The examples from the documentation, and the extremes, spelled out.
TEST(FormatIntegerTest, Examples) {
  EXPECT_EQ(FormatToString("{:#010x}", 255), "0x000000ff");
  EXPECT_EQ(FormatToString("{:+#010x}", 255), "+0x00000ff");
  EXPECT_EQ(FormatToString("{:#x}", -255), "-0xff");
  EXPECT_EQ(FormatToString("{:08}", -42), "-0000042");
  EXPECT_EQ(FormatToString("{:#X}", 0xabcU), "0XABC");
  EXPECT_EQ(FormatToString("{:#b}", 5), "0b101");
  EXPECT_EQ(FormatToString("{:#o}", 8), "010");
  EXPECT_EQ(FormatToString("{:*^9}", 42), "***42****");
  EXPECT_EQ(FormatToString("{:<5}|", 7), "7    |");
  EXPECT_EQ(FormatToString("{:c}", 65), "A");
  // The low byte of a negative value is that of its two's complement (-191 is 0x...ff41),
  // not of its magnitude (found by //libk/fmt:format_fuzzer).
  EXPECT_EQ(FormatToString("{:c}", -191), "A");
  EXPECT_EQ(FormatToString("{:c}", std::int8_t{-7}), "\xf9");
  EXPECT_EQ(FormatToString("{}", std::numeric_limits<std::int64_t>::min()), "-9223372036854775808");
  EXPECT_EQ(FormatToString("{:x}", std::numeric_limits<std::int64_t>::min()), "-8000000000000000");
  EXPECT_EQ(FormatToString("{}", std::numeric_limits<std::uint64_t>::max()),
            "18446744073709551615");
  EXPECT_EQ(FormatToString("{:b}", std::numeric_limits<std::uint64_t>::max()),
            std::string(64, '1'));
  EXPECT_EQ(FormatToString("{:#066b}", std::numeric_limits<std::uint64_t>::max()),
            "0b" + std::string(64, '1'));
  EXPECT_EQ(FormatToString("{}", std::int8_t{-128}), "-128");
}

}  // namespace
}  // namespace libk
