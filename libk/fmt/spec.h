// Format specifications: the part after ':' in a replacement field such as "{:>#010x}".
// The parser is constexpr so that format strings are checked at compile time and read
// again, by the same code, at run time.
#pragma once

#include <cstdint>

#include "libk/fmt/string_view.h"

namespace libk {

enum class Align : std::uint8_t { kDefault, kLeft, kRight, kCenter };  // none, < > ^
enum class Sign : std::uint8_t { kDefault, kMinus, kPlus, kSpace };    // none, - + ' '

// A parsed replacement field: `[[fill]align][sign]['#']['0'][width][type]`, a subset of
// std::format's grammar. `type` is one of d x X b o c s p, or '\0' when absent.
struct FormatSpec {
  char fill = ' ';
  Align align = Align::kDefault;
  Sign sign = Sign::kDefault;
  bool alternate = false;  // '#': 0x / 0X / 0b / 0 prefix
  bool zero_pad = false;   // '0': pad with zeros after the sign and prefix
  std::uint16_t width = 0;
  char type = '\0';

  friend constexpr bool operator==(const FormatSpec&, const FormatSpec&) = default;
};

namespace internal {

// Why a spec or a format string was rejected.
enum class FormatError : std::uint8_t {
  kNone,
  kUnmatchedOpenBrace,   // '{' without '}'
  kUnmatchedCloseBrace,  // '}' that is neither "}}" nor closes a field
  kArgumentIndex,        // "{0}" or "{name}": only automatic numbering is supported
  kUnknownType,          // a letter that is not a presentation type
  kBadSpec,              // any other character out of place, or a width over 65535
  kTooFewArguments,      // more fields than arguments
  kTooManyArguments,     // more arguments than fields
  kSpecNotValidForType,  // e.g. "{:x}" for a string
};

struct SpecParse {
  FormatSpec spec;
  FormatError error = FormatError::kNone;
};

constexpr bool IsAlignChar(char c) { return c == '<' || c == '>' || c == '^'; }

constexpr Align ToAlign(char c) {
  return c == '<' ? Align::kLeft : c == '>' ? Align::kRight : Align::kCenter;
}

// Parses `text`, the characters between ':' and '}' of a replacement field. One
// left-to-right pass over the grammar, field by field, as std::format specifies it.
constexpr SpecParse ParseSpec(  // NOLINT(readability-function-cognitive-complexity)
    StringView text) {
  SpecParse result;
  FormatSpec& spec = result.spec;
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (n >= 2 && IsAlignChar(text[1])) {
    if (text[0] == '{' || text[0] == '}') return {spec, FormatError::kBadSpec};
    spec.fill = text[0];
    spec.align = ToAlign(text[1]);
    i = 2;
  } else if (n >= 1 && IsAlignChar(text[0])) {
    spec.align = ToAlign(text[0]);
    i = 1;
  }
  if (i < n && (text[i] == '+' || text[i] == '-' || text[i] == ' ')) {
    spec.sign = text[i] == '+' ? Sign::kPlus : text[i] == '-' ? Sign::kMinus : Sign::kSpace;
    ++i;
  }
  if (i < n && text[i] == '#') {
    spec.alternate = true;
    ++i;
  }
  if (i < n && text[i] == '0') {
    spec.zero_pad = true;
    ++i;
  }
  std::uint32_t width = 0;
  for (; i < n && text[i] >= '0' && text[i] <= '9'; ++i) {
    width = width * 10 + static_cast<std::uint32_t>(text[i] - '0');
    if (width > 0xffff) return {spec, FormatError::kBadSpec};
  }
  spec.width = static_cast<std::uint16_t>(width);
  if (i < n) {
    const char c = text[i++];
    switch (c) {
      case 'd':
      case 'x':
      case 'X':
      case 'b':
      case 'o':
      case 'c':
      case 's':
      case 'p':
        spec.type = c;
        break;
      default:
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return {spec, letter ? FormatError::kUnknownType : FormatError::kBadSpec};
    }
  }
  if (i < n) return {spec, FormatError::kBadSpec};
  return result;
}

// Where a format string scan stopped, and how many fields it saw.
struct ScanResult {
  FormatError error = FormatError::kNone;
  std::size_t offset = 0;  // of the offending character when `error` is set
  std::size_t fields = 0;
};

// Walks `format`, calling `on_text(StringView)` for literal text (with "{{" and "}}"
// unescaped) and `on_field(index, spec)` for each replacement field; `on_field` returns a
// FormatError, and anything but kNone stops the scan.
template <typename OnText, typename OnField>
constexpr ScanResult ScanFormatString(  // NOLINT(readability-function-cognitive-complexity)
    StringView format, OnText on_text, OnField on_field) {
  ScanResult result;
  std::size_t begin = 0;  // start of pending literal text
  const std::size_t n = format.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = format[i];
    if (c == '}') {
      if (i + 1 < n && format[i + 1] == '}') {
        on_text(format.Substr(begin, i + 1 - begin));  // up to and including one '}'
        begin = ++i + 1;
        continue;
      }
      return {FormatError::kUnmatchedCloseBrace, i, result.fields};
    }
    if (c != '{') continue;
    if (i + 1 < n && format[i + 1] == '{') {
      on_text(format.Substr(begin, i + 1 - begin));
      begin = ++i + 1;
      continue;
    }
    if (i > begin) on_text(format.Substr(begin, i - begin));
    const std::size_t close = format.Find('}', i + 1);
    if (close == StringView::kNpos) return {FormatError::kUnmatchedOpenBrace, i, result.fields};
    const StringView field = format.Substr(i + 1, close - i - 1);
    FormatSpec spec;
    if (!field.empty()) {
      if (field[0] != ':') return {FormatError::kArgumentIndex, i + 1, result.fields};
      if (field.Find('{') != StringView::kNpos) {
        return {FormatError::kBadSpec, i + 1, result.fields};
      }
      const SpecParse parsed = ParseSpec(field.Substr(1));
      if (parsed.error != FormatError::kNone) return {parsed.error, i + 1, result.fields};
      spec = parsed.spec;
    }
    const FormatError error = on_field(result.fields, spec);
    if (error != FormatError::kNone) return {error, i, result.fields};
    ++result.fields;
    i = close;
    begin = close + 1;
  }
  if (begin < n) on_text(format.Substr(begin));
  return result;
}

// Spec rules shared by the built-in formatters (and usable by custom ones).
constexpr bool HasNumericFlags(const FormatSpec& spec) {
  return spec.sign != Sign::kDefault || spec.alternate || spec.zero_pad;
}
constexpr bool IsIntegerPresentation(char type) {
  return type == '\0' || type == 'd' || type == 'x' || type == 'X' || type == 'b' || type == 'o';
}
// Returns whether `spec` is text-like: no type or `type`, and no sign, '#' or '0'.
constexpr bool IsTextSpec(const FormatSpec& spec, char type) {
  return (spec.type == '\0' || spec.type == type) && !HasNumericFlags(spec);
}
// Returns whether `spec` formats an integer: d x X b o (or none) with any flags, or c.
constexpr bool IsIntegerSpec(const FormatSpec& spec) {
  return IsIntegerPresentation(spec.type) || IsTextSpec(spec, 'c');
}

}  // namespace internal
}  // namespace libk
