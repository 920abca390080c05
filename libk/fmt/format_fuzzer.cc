// Fuzzes the run-time half of libk formatting against the model (format_model.h): the
// spec parser (ParseSpec, the same constexpr code the compile-time check runs), the format
// string scanner, and VFormat with arguments of every built-in kind. Input script:
//
//   spec text (length byte, bytes)      -> ParseSpec must agree with the model
//   format string (length byte, bytes)  -> ScanFormatString must agree with the model
//   per field: kind byte, value bytes   -> when every spec suits its argument (what the
//   sink capacity (two bytes)              compile-time check demands), VFormat must write
//                                          the model's text, a small BufferSink must hold
//                                          its prefix, and a CountingSink its length
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "libk/fmt/format.h"
#include "libk/fmt/format_model.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/fmt/string_view.h"

#include "tools/fuzz/byte_reader.h"

namespace libk {
namespace {

using internal::FormatArg;
using internal::FormatError;
using keel::fuzz::ByteReader;
using testing::ModelValue;

// Stops the run with `what`; libFuzzer records the input as a crash.
void Require(bool condition, const char* what) {
  if (condition) return;
  (void)std::fprintf(stderr, "format fuzzer: %s\n", what);
  std::abort();
}

StringView View(const std::string& text) { return {text.data(), text.size()}; }

// Returns `text` with bytes outside printable ASCII as \xNN, for mismatch reports.
std::string Escaped(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c >= ' ' && c <= '~') {
      out.push_back(c);
    } else {
      char hex[8];
      (void)std::snprintf(hex, sizeof(hex), "\\x%02x", static_cast<unsigned char>(c));
      out += hex;
    }
  }
  return out + "\"";
}

class StringSink final : public Sink {
 public:
  void Write(StringView text) override { text_.append(text.data(), text.size()); }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

void CheckSpec(const std::string& text) {
  const internal::SpecParse real = internal::ParseSpec(View(text));
  const testing::ModelSpec model = testing::ModelParseSpec(text);
  Require(real.error == model.error, "ParseSpec and the model disagree on the error");
  Require(real.error != FormatError::kNone || real.spec == model.spec,
          "ParseSpec and the model disagree on the spec");
}

// One argument: its type-erased form, whether its Formatter accepts a spec, and the model.
struct Argument {
  std::string storage;  // Characters a string argument points into.
  FormatArg arg{std::uint64_t{0}};
  bool (*accepts)(const FormatSpec&) = nullptr;
  ModelValue model;
};

template <typename T>
void SetInteger(Argument& argument, T value) {
  argument.arg = internal::MakeArg(value);
  argument.accepts = &Formatter<T>::ValidateSpec;
  const bool negative = std::cmp_less(value, 0);
  // Sign-extends a negative value: the model takes the magnitude of the value itself.
  // NOLINTNEXTLINE(bugprone-signed-char-misuse,cert-str34-c): a signed char is a number here.
  const auto bits = static_cast<std::uint64_t>(value);
  argument.model = testing::ModelInteger{negative ? 0 - bits : bits, negative};
}

// Reads one argument. The string arguments point into `argument.storage`, so the Argument
// must stay where it is (the caller reserves the vector).
void ReadArgument(ByteReader& input, Argument& argument) {
  switch (input.Byte() % 9) {
    case 0:
      SetInteger(argument, static_cast<std::int8_t>(input.Byte()));
      return;
    case 1:
      SetInteger(argument, static_cast<std::int32_t>(input.U32()));
      return;
    case 2:
      SetInteger(argument, static_cast<std::int64_t>(input.U64()));
      return;
    case 3:
      SetInteger(argument, static_cast<std::uint16_t>(input.U32()));
      return;
    case 4:
      SetInteger(argument, input.U64());
      return;
    case 5: {
      const bool value = input.Bool();
      argument = {
          {}, internal::MakeArg(value), &Formatter<bool>::ValidateSpec, testing::ModelBool{value}};
      return;
    }
    case 6: {
      const auto value = static_cast<char>(input.Byte());
      argument = {
          {}, internal::MakeArg(value), &Formatter<char>::ValidateSpec, testing::ModelChar{value}};
      return;
    }
    case 7: {  // A string view, or a C string (cut at its first NUL, or null).
      argument.storage = input.String(40);
      if (input.Bool()) {
        argument.arg = internal::MakeArg(View(argument.storage));
        argument.accepts = &Formatter<StringView>::ValidateSpec;
        argument.model = testing::ModelText{argument.storage, false, 0};
        return;
      }
      const char* text = input.Bool() ? nullptr : argument.storage.c_str();
      argument.arg = internal::MakeArg(text);
      argument.accepts = &Formatter<const char*>::ValidateSpec;
      argument.model = testing::ModelText{text == nullptr ? "(null)" : std::string(text), true,
                                          std::bit_cast<std::uintptr_t>(text)};
      return;
    }
    default: {
      const auto address = static_cast<std::uintptr_t>(input.U64());
      // SAFETY: only the pointer's bits are formatted; it is never dereferenced.
      const auto* pointer = std::bit_cast<const void*>(address);
      argument = {{},
                  internal::MakeArg(pointer),
                  &Formatter<const void*>::ValidateSpec,
                  testing::ModelPointer{address}};
      return;
    }
  }
}

void CheckFormat(const std::string& format, ByteReader& input) {
  const testing::ModelScan model = testing::ModelScanFormatString(format);
  std::vector<testing::ModelPiece> pieces;
  const auto add_text = [&pieces](StringView text) {
    if (text.empty()) return;
    if (pieces.empty() || !std::holds_alternative<std::string>(pieces.back())) {
      pieces.emplace_back(std::string());
    }
    std::get<std::string>(pieces.back()).append(text.data(), text.size());
  };
  const internal::ScanResult scan = internal::ScanFormatString(
      View(format), add_text, [&pieces](std::size_t /*index*/, const FormatSpec& spec) {
        pieces.emplace_back(spec);
        return FormatError::kNone;
      });
  Require(scan.error == model.error && scan.fields == model.fields,
          "ScanFormatString and the model disagree on the error or the field count");
  if (scan.error != FormatError::kNone) {
    Require(scan.offset == model.offset, "ScanFormatString and the model disagree on the offset");
    return;
  }
  Require(pieces == model.pieces, "ScanFormatString and the model split the string differently");

  if (scan.fields > 16) return;
  std::vector<Argument> arguments(scan.fields);  // Not resized again: strings point inside.
  std::string expected;
  std::size_t field = 0;
  for (const testing::ModelPiece& piece : model.pieces) {
    if (const auto* text = std::get_if<std::string>(&piece)) {
      expected += *text;
      continue;
    }
    const auto& spec = std::get<FormatSpec>(piece);
    Argument& argument = arguments[field++];
    ReadArgument(input, argument);
    if (!argument.accepts(spec)) return;  // The compile-time check would reject the call.
    expected += testing::ModelFormat(argument.model, spec);
  }
  std::vector<FormatArg> args;
  args.reserve(arguments.size());
  for (const Argument& argument : arguments) args.push_back(argument.arg);

  StringSink full;
  internal::VFormat(full, View(format), args.data(), args.size());
  if (full.text() != expected) {
    (void)std::fprintf(stderr, "format %s\nVFormat wrote %s\nthe model   %s\n",
                       Escaped(format).c_str(), Escaped(full.text()).c_str(),
                       Escaped(expected).c_str());
  }
  Require(full.text() == expected, "VFormat wrote other text than the model");
  CountingSink counting;
  internal::VFormat(counting, View(format), args.data(), args.size());
  Require(counting.count() == expected.size(), "CountingSink counted another length");
  std::vector<char> buffer(input.U32() % 512);
  BufferSink small(buffer.data(), buffer.size());
  internal::VFormat(small, View(format), args.data(), args.size());
  const std::size_t room = buffer.empty() ? 0 : buffer.size() - 1;
  const std::size_t kept = expected.size() < room ? expected.size() : room;
  Require(std::string(small.view().data(), small.view().size()) == expected.substr(0, kept),
          "a BufferSink did not keep the text's prefix");
  Require(small.truncated() == (expected.size() > room), "a BufferSink misreported truncation");
}

}  // namespace
}  // namespace libk

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  keel::fuzz::ByteReader input(std::span(data, size));
  libk::CheckSpec(input.String(48));
  const std::string format = input.String(200);
  libk::CheckFormat(format, input);
  return 0;
}
