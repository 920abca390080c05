// Type-safe formatting: Format(sink, "{} at {:#x}", name, address). The format string is
// checked against the argument types at compile time; at run time the arguments are
// type-erased into a small array so each call site costs little code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "libk/fmt/format_string.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/fmt/string_view.h"

namespace libk {
namespace internal {

// One type-erased argument: built-in types by value, others as a pointer to the value and
// the Formatter instantiation that knows its type.
class FormatArg {
 public:
  using CustomFn = void (*)(const void* value, const FormatSpec& spec, Sink& sink);

  // Each constructor sets the one union member that its kind_ names.
  // NOLINTBEGIN(cppcoreguidelines-pro-type-member-init)
  explicit FormatArg(std::int64_t value) : kind_(Kind::kSigned) { signed_ = value; }
  explicit FormatArg(std::uint64_t value) : kind_(Kind::kUnsigned) { unsigned_ = value; }
  explicit FormatArg(bool value) : kind_(Kind::kBool) { bool_ = value; }
  explicit FormatArg(char value) : kind_(Kind::kChar) { char_ = value; }
  explicit FormatArg(StringView value) : kind_(Kind::kString) {
    string_ = {value.data(), value.size()};
  }
  explicit FormatArg(const char* value) : kind_(Kind::kCString) { cstring_ = value; }
  explicit FormatArg(const void* value) : kind_(Kind::kPointer) { pointer_ = value; }
  FormatArg(const void* value, CustomFn fn) : kind_(Kind::kCustom) { custom_ = {value, fn}; }
  // NOLINTEND(cppcoreguidelines-pro-type-member-init)

 private:
  friend struct FormatArgAccess;  // VFormat's reader, in format.cc

  enum class Kind : std::uint8_t {
    kSigned,
    kUnsigned,
    kBool,
    kChar,
    kString,
    kCString,
    kPointer,
    kCustom
  };
  struct String {
    const char* data;
    std::size_t size;
  };
  struct Custom {
    const void* value;
    CustomFn fn;
  };

  Kind kind_;
  union {
    std::int64_t signed_;
    std::uint64_t unsigned_;
    bool bool_;
    char char_;
    String string_;
    const char* cstring_;
    const void* pointer_;
    Custom custom_;
  };
};

// Formats the T that `value` points to; the FormatArg pairing guarantees that it is a T.
template <typename T>
void FormatErased(const void* value, const FormatSpec& spec, Sink& sink) {
  // SAFETY: a FormatArg pairs `value` with FormatErased<T> only when it was made from a T
  // (MakeArg), and the T outlives the Format call that uses the pair.
  Formatter<T>{}.Format(*static_cast<const T*>(value), spec, sink);
}

// Erases `value`, which lives until the end of the Format call that made the FormatArg.
template <typename T>
FormatArg MakeArg(const T& value) {
  using F = FormatType<T>;
  if constexpr (Integer<F>) {
    if constexpr (std::is_signed_v<F>) {
      return FormatArg(static_cast<std::int64_t>(value));
    } else {
      return FormatArg(static_cast<std::uint64_t>(value));
    }
  } else if constexpr (std::is_same_v<F, bool> || std::is_same_v<F, char> ||
                       std::is_same_v<F, StringView> || std::is_same_v<F, const void*>) {
    return FormatArg(static_cast<F>(value));
  } else if constexpr (std::is_same_v<F, const char*> && !std::is_same_v<T, F> &&
                       !std::is_same_v<T, char*>) {
    // A character array: stop at its first NUL or its end, whichever comes first.
    // SAFETY: the array has sizeof(T) readable characters.
    return FormatArg(StringView(value, BoundedStringLength(value, sizeof(T))));
  } else if constexpr (std::is_same_v<F, const char*>) {
    const char* text = value;
    return FormatArg(text);
  } else if constexpr (HasFormatter<F>) {
    return FormatArg(&value, &FormatErased<F>);
  } else {
    return FormatArg(std::uint64_t{0});  // Unreachable: AssertFormattable fails the build.
  }
}

// Formats `args` into `sink` following `format`.
void VFormat(Sink& sink, StringView format, const FormatArg* args, std::size_t count);

}  // namespace internal

// Writes `args` to `sink` as `format` says.
template <typename... Args>
void Format(Sink& sink, FormatStringFor<Args...> format, const Args&... args) {
  if constexpr (sizeof...(Args) == 0) {
    internal::VFormat(sink, format.text(), nullptr, 0);
  } else {
    const internal::FormatArg erased[] = {internal::MakeArg(args)...};
    internal::VFormat(sink, format.text(), erased, sizeof...(Args));
  }
}

// Formats into `buffer`, truncating to fit and always NUL-terminating; returns the
// length written (excluding the NUL).
template <std::size_t N, typename... Args>
std::size_t FormatTo(char (&buffer)[N], FormatStringFor<Args...> format, const Args&... args) {
  BufferSink sink(buffer);
  Format(sink, format, args...);
  return sink.size();
}

// As above, into the `capacity` bytes at `buffer`.
// Safety: `buffer` must point to `capacity` writable bytes.
template <typename... Args>
std::size_t FormatTo(char* buffer, std::size_t capacity, FormatStringFor<Args...> format,
                     const Args&... args) {
  // SAFETY: the caller guarantees `capacity` writable bytes at `buffer`.
  BufferSink sink(buffer, capacity);
  Format(sink, format, args...);
  return sink.size();
}

// Returns the length of the formatted text without storing it.
template <typename... Args>
std::size_t FormattedSize(FormatStringFor<Args...> format, const Args&... args) {
  CountingSink sink;
  Format(sink, format, args...);
  return sink.count();
}

}  // namespace libk
