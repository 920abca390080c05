// FormatString<Args...>: a format string checked at compile time against the types of the
// arguments it will be used with. A mistake (a missing or extra argument, a bad spec, "{:x}"
// for a string, an unmatched brace) is a compile error naming the mistake.
#pragma once

#include <cstddef>
#include <type_traits>

#include "libk/fmt/formatter.h"
#include "libk/fmt/spec.h"
#include "libk/fmt/string_view.h"

namespace libk {
namespace internal {

// Maps an argument type to the type whose Formatter formats it: character arrays and
// `char*` are strings, other object pointers and nullptr are `const void*`.
template <typename T>
struct FormatTypeOf {
  using Type = T;
};
template <std::size_t N>
struct FormatTypeOf<char[N]> {
  using Type = const char*;
};
template <std::size_t N>
struct FormatTypeOf<const char[N]> {
  using Type = const char*;
};
template <>
struct FormatTypeOf<char*> {
  using Type = const char*;
};
template <typename T>
  requires requires(T* p) { static_cast<const void*>(p); }
struct FormatTypeOf<T*> {
  using Type = const void*;
};
template <>
struct FormatTypeOf<const char*> {
  using Type = const char*;
};
template <>
struct FormatTypeOf<decltype(nullptr)> {
  using Type = const void*;
};
template <typename T>
using FormatType = typename FormatTypeOf<T>::Type;

// True when Formatter<T> exists and can format a `const T&`.
template <typename T>
concept HasFormatter = requires(const T& value, const FormatSpec& spec, Sink& sink) {
  Formatter<T>{}.Format(value, spec, sink);
};

// Fails the build, naming the argument type, when it has no Formatter.
template <typename T>
struct AssertFormattable {
  static_assert(HasFormatter<FormatType<T>>,
                "no libk::Formatter<T> for this argument type: specialise libk::Formatter "
                "(see libk/fmt/formatter.h)");
  static constexpr bool kValue = true;
};

// Returns whether the Formatter for argument type T accepts `spec`.
template <typename T>
constexpr bool AcceptsSpec(const FormatSpec& spec) {
  using F = Formatter<FormatType<T>>;
  if constexpr (!HasFormatter<FormatType<T>>) {
    return true;  // AssertFormattable reports this.
  } else if constexpr (requires(const FormatSpec& s) { F::ValidateSpec(s); }) {
    return F::ValidateSpec(spec);
  } else {
    return spec == FormatSpec{};
  }
}

// Returns whether argument `index` of Args accepts `spec`.
template <typename... Args>
constexpr bool ArgumentAcceptsSpec(std::size_t index, const FormatSpec& spec) {
  // Written by the fold expression, which the check does not see through for an empty pack.
  bool ok = true;     // NOLINT(misc-const-correctness)
  std::size_t i = 0;  // NOLINT(misc-const-correctness)
  ((i++ == index ? (ok = AcceptsSpec<Args>(spec)) : false), ...);
  return ok;
}

// Each format string mistake calls one of these non-constexpr functions during constant
// evaluation, so that the compiler's diagnostic names the mistake ("non-constexpr function
// 'FormatStringHasTooFewArguments' cannot be used in a constant expression"). They are
// never called at run time.
inline void FormatStringHasUnmatchedOpenBrace() {}
inline void FormatStringHasUnmatchedCloseBrace() {}
inline void FormatStringHasArgumentIndexOrName() {}
inline void FormatStringHasUnknownPresentationType() {}
inline void FormatStringHasMalformedSpec() {}
inline void FormatStringHasTooFewArguments() {}
inline void FormatStringHasTooManyArguments() {}
inline void FormatSpecIsNotValidForArgumentType() {}

// Fails constant evaluation for `error` at byte `offset` of the format string (the offset
// shows up in the diagnostic's "in call to" note).
constexpr void ReportFormatError(FormatError error, std::size_t offset) {
  (void)offset;
  switch (error) {
    case FormatError::kNone:
      break;
    case FormatError::kUnmatchedOpenBrace:
      FormatStringHasUnmatchedOpenBrace();
      break;
    case FormatError::kUnmatchedCloseBrace:
      FormatStringHasUnmatchedCloseBrace();
      break;
    case FormatError::kArgumentIndex:
      FormatStringHasArgumentIndexOrName();
      break;
    case FormatError::kUnknownType:
      FormatStringHasUnknownPresentationType();
      break;
    case FormatError::kBadSpec:
      FormatStringHasMalformedSpec();
      break;
    case FormatError::kTooFewArguments:
      FormatStringHasTooFewArguments();
      break;
    case FormatError::kTooManyArguments:
      FormatStringHasTooManyArguments();
      break;
    case FormatError::kSpecNotValidForType:
      FormatSpecIsNotValidForArgumentType();
      break;
  }
}

}  // namespace internal

// A format string for arguments of types Args, checked when it is constructed, which must
// happen at compile time. Literal text is copied out; "{{" and "}}" are literal braces;
// each "{}" or "{:spec}" formats the next argument (see FormatSpec for the grammar).
template <typename... Args>
class FormatString {
  static_assert((internal::AssertFormattable<Args>::kValue && ...));

 public:
  template <std::size_t N>
  consteval FormatString(const char (&text)[N])  // NOLINT: implicit by design
      : text_(text, N - 1) {
    Check();
  }
  consteval FormatString(StringView text) : text_(text) { Check(); }  // NOLINT

  constexpr StringView text() const { return text_; }

 private:
  consteval void Check() const {
    constexpr std::size_t kCount = sizeof...(Args);
    internal::ScanResult scan = internal::ScanFormatString(
        text_, [](StringView) {},
        [](std::size_t index, const FormatSpec& spec) {
          if (index >= kCount) return internal::FormatError::kTooFewArguments;
          if (!internal::ArgumentAcceptsSpec<Args...>(index, spec)) {
            return internal::FormatError::kSpecNotValidForType;
          }
          return internal::FormatError::kNone;
        });
    if (scan.error == internal::FormatError::kNone && scan.fields < kCount) {
      scan.error = internal::FormatError::kTooManyArguments;
      scan.offset = text_.size();
    }
    internal::ReportFormatError(scan.error, scan.offset);
  }

  StringView text_;
};

// The parameter type for a format string in a function that forwards its arguments to
// Format: `void Log(FormatStringFor<Args...> format, const Args&... args)`. It keeps the
// format string from taking part in deducing Args, so Args come from the arguments alone.
template <typename... Args>
using FormatStringFor = std::type_identity_t<FormatString<Args...>>;

}  // namespace libk
