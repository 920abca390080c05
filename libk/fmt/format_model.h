// A reference model of libk formatting for host tests and the fuzzer, written from the
// grammar and the std::format rules that spec.h and formatter.h document rather than from
// their code: the spec grammar as a regular expression, the format string as one character
// at a time, and values formatted with std::to_chars and std::string padding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "libk/fmt/spec.h"

namespace libk::testing {

// What the model makes of a spec: the FormatSpec, or why it is rejected.
struct ModelSpec {
  FormatSpec spec;
  internal::FormatError error = internal::FormatError::kNone;
};

// Parses the text between ':' and '}' of a replacement field.
ModelSpec ModelParseSpec(const std::string& text);

// One piece of a format string: literal text (braces unescaped) or a field's spec.
using ModelPiece = std::variant<std::string, FormatSpec>;

// What the model makes of a format string: its pieces, with adjacent text merged, or the
// first error and the offset ScanFormatString reports for it.
struct ModelScan {
  std::vector<ModelPiece> pieces;
  internal::FormatError error = internal::FormatError::kNone;
  std::size_t offset = 0;
  std::size_t fields = 0;  // Fields seen before the error (all of them without one).
};

ModelScan ModelScanFormatString(const std::string& format);

// A value as the model formats it, by the rules of its Formatter.
struct ModelInteger {
  std::uint64_t magnitude = 0;
  bool negative = false;
};
struct ModelBool {
  bool value = false;
};
struct ModelChar {
  char value = 0;
};
struct ModelText {
  std::string text;  // Strings and C strings; a null C string is "(null)".
  bool c_string = false;
  std::uintptr_t address = 0;  // Of a C string, for 'p'.
};
struct ModelPointer {
  std::uintptr_t address = 0;
};
using ModelValue = std::variant<ModelInteger, ModelBool, ModelChar, ModelText, ModelPointer>;

// Returns the text `value` formats to under `spec` (which its Formatter accepts).
std::string ModelFormat(const ModelValue& value, const FormatSpec& spec);

}  // namespace libk::testing
