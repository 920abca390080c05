#include "libk/fmt/format_model.h"

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <regex>
#include <string>
#include <variant>

#include "libk/fmt/spec.h"

namespace libk::testing {
namespace {

using internal::FormatError;

// [[fill]align][sign]['#']['0'][width]: a fill is any character but a brace.
const std::regex& SpecPrefix() {
  // NOLINTNEXTLINE(readability-identifier-naming): a pattern built once, named as data.
  static const std::regex prefix("(?:([^{}])([<>^])|([<>^]))?([-+ ])?(#)?(0)?([0-9]*)");
  return prefix;
}

Align AlignOf(char c) {
  switch (c) {
    case '<':
      return Align::kLeft;
    case '>':
      return Align::kRight;
    default:
      return Align::kCenter;
  }
}

Sign SignOf(char c) {
  switch (c) {
    case '+':
      return Sign::kPlus;
    case '-':
      return Sign::kMinus;
    default:
      return Sign::kSpace;
  }
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Pads `body` to the spec's width; `fallback` is the alignment without an explicit one.
std::string Pad(const std::string& body, const FormatSpec& spec, Align fallback) {
  if (body.size() >= spec.width) return body;
  const std::size_t padding = spec.width - body.size();
  const Align align = spec.align == Align::kDefault ? fallback : spec.align;
  std::size_t before = 0;  // Left: all the padding after.
  if (align == Align::kRight) before = padding;
  if (align == Align::kCenter) before = padding / 2;
  return std::string(before, spec.fill) + body + std::string(padding - before, spec.fill);
}

std::string FormatInteger(std::uint64_t magnitude, bool negative, const FormatSpec& spec) {
  if (spec.type == 'c') {  // The low byte of the value (two's complement when negative).
    const std::uint64_t value = negative ? 0 - magnitude : magnitude;
    return Pad(std::string(1, static_cast<char>(value & 0xff)), spec, Align::kLeft);
  }
  int base = 10;
  std::string prefix;
  switch (spec.type) {
    case 'x':
    case 'X':
      base = 16;
      prefix = spec.type == 'x' ? "0x" : "0X";
      break;
    case 'b':
      base = 2;
      prefix = "0b";
      break;
    case 'o':
      base = 8;
      prefix = magnitude != 0 ? "0" : "";  // std::format writes 0 for {:#o} of 0.
      break;
    default:
      break;
  }
  char digits[64];
  auto* const end = std::to_chars(digits, digits + sizeof(digits), magnitude, base).ptr;
  std::string number(digits, end);
  if (spec.type == 'X') {
    for (char& c : number) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
  }
  std::string sign;
  if (negative) {
    sign = "-";
  } else if (spec.sign == Sign::kPlus) {
    sign = "+";
  } else if (spec.sign == Sign::kSpace) {
    sign = " ";
  }
  if (!spec.alternate) prefix.clear();
  const std::size_t length = sign.size() + prefix.size() + number.size();
  if (spec.zero_pad && spec.align == Align::kDefault && spec.width > length) {
    return sign + prefix + std::string(spec.width - length, '0') + number;
  }
  return Pad(sign + prefix + number, spec, Align::kRight);
}

std::string FormatAddress(std::uintptr_t address, const FormatSpec& spec) {
  if (spec.type == 'x' || spec.type == 'X') return FormatInteger(address, false, spec);
  FormatSpec hex = spec;
  hex.type = 'x';
  hex.alternate = true;
  return FormatInteger(address, false, hex);
}

}  // namespace

ModelSpec ModelParseSpec(const std::string& text) {
  std::smatch match;
  std::regex_search(text, match, SpecPrefix(), std::regex_constants::match_continuous);
  ModelSpec result;
  FormatSpec& spec = result.spec;
  if (match[2].matched) {
    spec.fill = match.str(1)[0];
    spec.align = AlignOf(match.str(2)[0]);
  } else if (match[3].matched) {
    spec.align = AlignOf(match.str(3)[0]);
  }
  if (match[4].matched) spec.sign = SignOf(match.str(4)[0]);
  spec.alternate = match[5].matched;
  spec.zero_pad = match[6].matched;
  std::uint64_t width = 0;
  for (const char digit : match.str(7)) {
    width = width * 10 + static_cast<std::uint64_t>(digit - '0');
    if (width > 0xffff) return {spec, FormatError::kBadSpec};
  }
  spec.width = static_cast<std::uint16_t>(width);
  const std::string rest = text.substr(static_cast<std::size_t>(match.length(0)));
  if (rest.empty()) return result;
  if (std::string("dxXbocsp").find(rest[0]) != std::string::npos) {
    spec.type = rest[0];
    return rest.size() == 1 ? result : ModelSpec{spec, FormatError::kBadSpec};
  }
  return {spec, IsLetter(rest[0]) ? FormatError::kUnknownType : FormatError::kBadSpec};
}

namespace {

// Reads the replacement field whose '{' is at `open` and whose '}' is at `close`: its spec,
// or the error and offset ScanFormatString reports for it.
ModelSpec ModelField(const std::string& format, std::size_t open, std::size_t close,
                     std::size_t& error_offset) {
  const std::string field = format.substr(open + 1, close - open - 1);
  error_offset = open + 1;
  if (field.empty()) return {};
  if (field[0] != ':') return {FormatSpec{}, FormatError::kArgumentIndex};
  if (field.find('{') != std::string::npos) return {FormatSpec{}, FormatError::kBadSpec};
  return ModelParseSpec(field.substr(1));
}

}  // namespace

ModelScan ModelScanFormatString(const std::string& format) {
  ModelScan scan;
  const auto add_text = [&scan](char c) {
    if (scan.pieces.empty() || !std::holds_alternative<std::string>(scan.pieces.back())) {
      scan.pieces.emplace_back(std::string());
    }
    std::get<std::string>(scan.pieces.back()).push_back(c);
  };
  const auto fail = [&scan](FormatError error, std::size_t offset) {
    scan.error = error;
    scan.offset = offset;
    return scan;
  };
  std::size_t i = 0;
  while (i < format.size()) {
    const char c = format[i];
    const bool doubled = i + 1 < format.size() && format[i + 1] == c;
    if ((c == '{' || c == '}') && doubled) {
      add_text(c);
      i += 2;
    } else if (c == '}') {
      return fail(FormatError::kUnmatchedCloseBrace, i);
    } else if (c == '{') {
      const std::size_t close = format.find('}', i + 1);
      if (close == std::string::npos) return fail(FormatError::kUnmatchedOpenBrace, i);
      std::size_t error_offset = 0;
      const ModelSpec field = ModelField(format, i, close, error_offset);
      if (field.error != FormatError::kNone) return fail(field.error, error_offset);
      scan.pieces.emplace_back(field.spec);
      ++scan.fields;
      i = close + 1;
    } else {
      add_text(c);
      ++i;
    }
  }
  return scan;
}

std::string ModelFormat(const ModelValue& value, const FormatSpec& spec) {
  if (const auto* integer = std::get_if<ModelInteger>(&value)) {
    return FormatInteger(integer->magnitude, integer->negative, spec);
  }
  if (const auto* boolean = std::get_if<ModelBool>(&value)) {
    if (spec.type == '\0' || spec.type == 's') {
      return Pad(boolean->value ? "true" : "false", spec, Align::kLeft);
    }
    return FormatInteger(boolean->value ? 1 : 0, false, spec);
  }
  if (const auto* character = std::get_if<ModelChar>(&value)) {
    if (spec.type == '\0' || spec.type == 'c') {
      return Pad(std::string(1, character->value), spec, Align::kLeft);
    }
    return FormatInteger(static_cast<unsigned char>(character->value), false, spec);
  }
  if (const auto* text = std::get_if<ModelText>(&value)) {
    if (text->c_string && spec.type == 'p') return FormatAddress(text->address, spec);
    return Pad(text->text, spec, Align::kLeft);
  }
  return FormatAddress(std::get<ModelPointer>(value).address, spec);
}

}  // namespace libk::testing
