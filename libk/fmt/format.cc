// The run-time half of formatting: walking the format string, and writing integers,
// text and addresses with padding. Nothing here is a template, so call sites stay small.
#include "libk/fmt/format.h"

#include <cstddef>
#include <cstdint>

#include "libk/fmt/digits.h"

namespace libk {
namespace internal {
namespace {

// "00" "01" ... "99": two decimal digits per table lookup halve the divisions.
constexpr struct DigitPairs {
  char pairs[200] = {};
  constexpr DigitPairs() {
    for (int i = 0; i < 100; ++i) {
      pairs[std::ptrdiff_t{2} * i] = static_cast<char>('0' + (i / 10));
      pairs[(std::ptrdiff_t{2} * i) + 1] = static_cast<char>('0' + (i % 10));
    }
  }
} kDigitPairs;

// Writes the decimal digits of `value` backwards ending at `end`; returns the first.
char* WriteDecimal(char* end, std::uint64_t value) {
  while (value >= 100) {
    const unsigned pair = static_cast<unsigned>(value % 100) * 2;
    value /= 100;
    *--end = kDigitPairs.pairs[pair + 1];
    *--end = kDigitPairs.pairs[pair];
  }
  if (value >= 10) {
    const unsigned pair = static_cast<unsigned>(value) * 2;
    *--end = kDigitPairs.pairs[pair + 1];
    *--end = kDigitPairs.pairs[pair];
  } else {
    *--end = static_cast<char>('0' + value);
  }
  return end;
}

// Collects output on the stack and hands it to the destination sink in as few Writes as
// possible: one per Format call unless the output outgrows the buffer. Fewer virtual
// calls, and a sink that writes each Write atomically (under a lock) gets whole lines.
class Staging final : public Sink {
 public:
  // buffer_ is left uninitialised on purpose: only its first size_ bytes are ever read,
  // and zeroing it would cost every Format call.
  explicit Staging(Sink& sink)  // NOLINT(cppcoreguidelines-pro-type-member-init)
      : sink_(sink) {}
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;
  ~Staging() { Flush(); }

  void Write(StringView text) override {
    if (text.size() > sizeof(buffer_) - size_) {
      Flush();
      if (text.size() > sizeof(buffer_)) {
        sink_.Write(text);
        return;
      }
    }
    // Locals, so that the compiler need not reload members after each (char) store.
    char* out = buffer_ + size_;
    const char* in = text.data();
    for (std::size_t i = 0; i < text.size(); ++i) out[i] = in[i];
    size_ += text.size();
  }

  // Writes `count` copies of `c`.
  void Fill(char c, std::size_t count) {
    while (count > 0) {
      if (size_ == sizeof(buffer_)) Flush();
      const std::size_t room = sizeof(buffer_) - size_;
      const std::size_t n = count < room ? count : room;
      char* out = buffer_ + size_;
      for (std::size_t i = 0; i < n; ++i) out[i] = c;
      size_ += n;
      count -= n;
    }
  }

 private:
  void Flush() {
    // SAFETY: size_ <= sizeof(buffer_).
    if (size_ > 0) sink_.Write(StringView(buffer_, size_));
    size_ = 0;
  }

  Sink& sink_;
  char buffer_[128];
  std::size_t size_ = 0;
};

// Writes `body` padded to `spec.width` with `spec.fill`, aligned as the spec says or,
// without an explicit alignment, as `default_align` (kLeft or kRight).
void PaddedTo(Staging& out, StringView body, const FormatSpec& spec, Align default_align) {
  if (spec.width <= body.size()) {
    out.Write(body);
    return;
  }
  const std::size_t padding = spec.width - body.size();
  const Align align = spec.align == Align::kDefault ? default_align : spec.align;
  const std::size_t before = align == Align::kRight    ? padding
                             : align == Align::kCenter ? padding / 2
                                                       : 0;
  out.Fill(spec.fill, before);
  out.Write(body);
  out.Fill(spec.fill, padding - before);
}

// Writes an integer given as magnitude and sign; see FormatInteger.
void IntegerTo(Staging& out, std::uint64_t magnitude, bool negative, const FormatSpec& spec) {
  if (spec.type == 'c') {
    // The low byte of the value itself: of its two's complement when negative.
    const char c = static_cast<char>(negative ? 0 - magnitude : magnitude);
    // SAFETY: one readable character that lives across the call.
    PaddedTo(out, StringView(&c, 1), spec, Align::kLeft);
    return;
  }
  // Sign (1) + prefix (2) + 64 binary digits.
  char buffer[72];
  char* const end = buffer + sizeof(buffer);
  char* digits = nullptr;  // Set by every case below.
  const char* prefix = "";
  switch (spec.type) {
    case 'x':
      digits = WritePowerOfTwoDigits<4>(end, magnitude, kLowerHexDigits);
      prefix = "0x";
      break;
    case 'X':
      digits = WritePowerOfTwoDigits<4>(end, magnitude, kUpperHexDigits);
      prefix = "0X";
      break;
    case 'b':
      digits = WritePowerOfTwoDigits<1>(end, magnitude);
      prefix = "0b";
      break;
    case 'o':
      digits = WritePowerOfTwoDigits<3>(end, magnitude);
      prefix = magnitude != 0 ? "0" : "";
      break;
    default:
      digits = WriteDecimal(end, magnitude);
      break;
  }
  char* start = digits;
  if (spec.alternate) {
    const std::size_t prefix_size = StringView(prefix).size();
    start -= prefix_size;
    for (std::size_t i = 0; i < prefix_size; ++i) start[i] = prefix[i];
  }
  if (negative) {
    *--start = '-';
  } else if (spec.sign == Sign::kPlus) {
    *--start = '+';
  } else if (spec.sign == Sign::kSpace) {
    *--start = ' ';
  }
  // SAFETY: buffer <= start <= digits <= end, all within `buffer`.
  const StringView body(start, static_cast<std::size_t>(end - start));
  if (spec.zero_pad && spec.align == Align::kDefault && spec.width > body.size()) {
    // Zeros go between the sign and prefix and the digits: -0x00ff.
    out.Write(StringView(start, static_cast<std::size_t>(digits - start)));
    out.Fill('0', spec.width - body.size());
    out.Write(StringView(digits, static_cast<std::size_t>(end - digits)));
    return;
  }
  PaddedTo(out, body, spec, Align::kRight);
}

// Writes an address; see FormatAddress.
void AddressTo(Staging& out, const void* address, const FormatSpec& spec) {
  // Reading a pointer's bits as an integer is harmless (unlike the reverse).
  auto value = __builtin_bit_cast(std::uintptr_t, address);
  if (spec.type == 'x' || spec.type == 'X') {
    IntegerTo(out, value, false, spec);
    return;
  }
  FormatSpec hex = spec;
  hex.type = 'x';
  hex.alternate = true;
  IntegerTo(out, value, false, hex);
}

// Writes a built-in value with a text form: as text for no type or `text_type`, else
// as the integer `value`.
void TextOrIntegerTo(Staging& out, StringView text, std::uint64_t value, char text_type,
                     const FormatSpec& spec) {
  if (spec.type == '\0' || spec.type == text_type) {
    PaddedTo(out, text, spec, Align::kLeft);
  } else {
    IntegerTo(out, value, false, spec);
  }
}

}  // namespace

// Reads FormatArg's private parts for VFormat.
struct FormatArgAccess {
  static void WriteTo(Staging& out, const FormatArg& arg, const FormatSpec& spec);
};

void FormatArgAccess::WriteTo(Staging& out, const FormatArg& arg, const FormatSpec& spec) {
  using Kind = FormatArg::Kind;
  switch (arg.kind_) {
    case Kind::kSigned: {
      const bool negative = arg.signed_ < 0;
      auto magnitude = static_cast<std::uint64_t>(arg.signed_);
      IntegerTo(out, negative ? 0 - magnitude : magnitude, negative, spec);
      return;
    }
    case Kind::kUnsigned:
      IntegerTo(out, arg.unsigned_, false, spec);
      return;
    case Kind::kBool:
      TextOrIntegerTo(out, arg.bool_ ? "true" : "false", arg.bool_ ? 1 : 0, 's', spec);
      return;
    case Kind::kChar:
      // SAFETY: one readable character that lives across the call.
      TextOrIntegerTo(out, StringView(&arg.char_, 1), static_cast<unsigned char>(arg.char_), 'c',
                      spec);
      return;
    case Kind::kString:
      // SAFETY: made from a StringView, whose invariant this is.
      PaddedTo(out, StringView(arg.string_.data, arg.string_.size), spec, Align::kLeft);
      return;
    case Kind::kCString:
      if (spec.type == 'p') {
        AddressTo(out, arg.cstring_, spec);
      } else {
        // SAFETY: a `const char*` argument is NUL-terminated by Formatter<const char*>'s
        // contract (as for printf's %s).
        PaddedTo(out, arg.cstring_ == nullptr ? "(null)" : arg.cstring_, spec, Align::kLeft);
      }
      return;
    case Kind::kPointer:
      AddressTo(out, arg.pointer_, spec);
      return;
    case Kind::kCustom:
      arg.custom_.fn(arg.custom_.value, spec, out);
      return;
  }
}

void FormatInteger(Sink& sink, std::uint64_t magnitude, bool negative, const FormatSpec& spec) {
  Staging out(sink);
  IntegerTo(out, magnitude, negative, spec);
}

void FormatText(Sink& sink, StringView text, const FormatSpec& spec) {
  Staging out(sink);
  PaddedTo(out, text, spec, Align::kLeft);
}

void FormatAddress(Sink& sink, const void* address, const FormatSpec& spec) {
  Staging out(sink);
  AddressTo(out, address, spec);
}

void VFormat(Sink& sink, StringView format, const FormatArg* args, std::size_t count) {
  Staging out(sink);
  ScanFormatString(
      format, [&out](StringView text) { out.Write(text); },
      [&](std::size_t index, const FormatSpec& spec) {
        // The format string was checked against the arguments at compile time.
        if (index >= count) return FormatError::kTooFewArguments;
        FormatArgAccess::WriteTo(out, args[index], spec);
        return FormatError::kNone;
      });
}

}  // namespace internal

void BufferSink::Write(StringView text) {
  if (capacity_ == 0) {
    truncated_ = truncated_ || !text.empty();
    return;
  }
  const std::size_t room = capacity_ - 1 - size_;
  const std::size_t n = text.size() < room ? text.size() : room;
  // Locals, so that the compiler need not reload members after each (char) store.
  char* out = buffer_ + size_;
  const char* in = text.data();
  for (std::size_t i = 0; i < n; ++i) out[i] = in[i];
  size_ += n;
  buffer_[size_] = '\0';
  if (n < text.size()) truncated_ = true;
}

}  // namespace libk
