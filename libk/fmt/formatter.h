// The Formatter<T> customisation point and the formatters for built-in types (integers,
// bool, char, strings, pointers). A libk type becomes formattable by specialising
// libk::Formatter next to its definition; see the comment on Formatter below.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/fmt/string_view.h"

namespace libk {

// Formats values of type T. A specialisation provides
//
//   template <>
//   struct libk::Formatter<PhysAddr> {
//     // Optional: which specs "{:...}" are accepted, checked at compile time. Without
//     // it, only an empty spec ("{}") is accepted. It must be constexpr, not consteval
//     // (C++20 cannot call a consteval function from the constexpr format string scan).
//     static constexpr bool ValidateSpec(const FormatSpec& spec) {
//       return Formatter<std::uint64_t>::ValidateSpec(spec);
//     }
//     // Writes `value` to `sink` as `spec` says.
//     static void Format(const PhysAddr& value, const FormatSpec& spec, Sink& sink) {
//       Formatter<std::uint64_t>::Format(value.raw(), spec, sink);
//     }
//   };
//
// Format may also be a non-static member; the formatter is default-constructed per use.
template <typename T>
struct Formatter;

namespace internal {

// True when T is one of Us (exactly, without cv-qualifiers).
template <typename T, typename... Us>
concept OneOf = (std::is_same_v<T, Us> || ...);

// The standard integer types, which format as numbers. (std::is_integral_v would also take
// bool and the character types: they have formatters of their own, or none.)
template <typename T>
concept Integer = OneOf<T, signed char, short, int, long, long long, unsigned char, unsigned short,
                        unsigned int, unsigned long, unsigned long long>;

// Writes an integer given as its magnitude and sign, for presentation types d x X b o
// (with sign, '#', '0', width, fill and alignment) and c (the low byte as a character).
void FormatInteger(Sink& sink, std::uint64_t magnitude, bool negative, const FormatSpec& spec);
// Writes `text` padded to the spec's width; text is left-aligned by default.
void FormatText(Sink& sink, StringView text, const FormatSpec& spec);
// Writes an address: "0x" and lower-case hex for no type or 'p', else as FormatInteger.
void FormatAddress(Sink& sink, const void* address, const FormatSpec& spec);

}  // namespace internal

// Integers: d (default) x X b o with sign, '#', '0', width, fill and alignment; c.
template <internal::Integer T>
struct Formatter<T> {
  static constexpr bool ValidateSpec(const FormatSpec& spec) {
    return internal::IsIntegerSpec(spec);
  }
  static void Format(T value, const FormatSpec& spec, Sink& sink) {
    using U = std::make_unsigned_t<T>;
    const bool negative = std::is_signed_v<T> && value < 0;
    // Negating in the unsigned type is exact even for the most negative value.
    const U magnitude =
        negative ? static_cast<U>(U{0} - static_cast<U>(value)) : static_cast<U>(value);
    internal::FormatInteger(sink, magnitude, negative, spec);
  }
};

// bool: "true"/"false" (s or none, width and alignment), or 0/1 with an integer type.
template <>
struct Formatter<bool> {
  static constexpr bool ValidateSpec(const FormatSpec& spec) {
    return internal::IsTextSpec(spec, 's') ||
           (spec.type != '\0' && spec.type != 'c' && internal::IsIntegerSpec(spec));
  }
  static void Format(bool value, const FormatSpec& spec, Sink& sink) {
    if (spec.type == '\0' || spec.type == 's') {
      internal::FormatText(sink, value ? "true" : "false", spec);
    } else {
      internal::FormatInteger(sink, value ? 1 : 0, false, spec);
    }
  }
};

// char: the character (c or none), or its unsigned value with an integer type.
template <>
struct Formatter<char> {
  static constexpr bool ValidateSpec(const FormatSpec& spec) {
    return internal::IsIntegerSpec(spec);
  }
  static void Format(char value, const FormatSpec& spec, Sink& sink) {
    if (spec.type == '\0' || spec.type == 'c') {
      // SAFETY: one readable character that lives across the call.
      internal::FormatText(sink, StringView(&value, 1), spec);
    } else {
      internal::FormatInteger(sink, static_cast<unsigned char>(value), false, spec);
    }
  }
};

// Strings: s or none, with width, fill and alignment.
template <>
struct Formatter<StringView> {
  static constexpr bool ValidateSpec(const FormatSpec& spec) {
    return internal::IsTextSpec(spec, 's');
  }
  static void Format(StringView value, const FormatSpec& spec, Sink& sink) {
    internal::FormatText(sink, value, spec);
  }
};

// NUL-terminated strings: as StringView ("(null)" for a null pointer), or the address
// with p.
template <>
struct Formatter<const char*> {
  static constexpr bool ValidateSpec(const FormatSpec& spec) {
    return internal::IsTextSpec(spec, 's') || internal::IsTextSpec(spec, 'p');
  }
  static void Format(const char* value, const FormatSpec& spec, Sink& sink) {
    if (spec.type == 'p') {
      internal::FormatAddress(sink, value, spec);
    } else {
      // SAFETY: a `const char*` argument is a NUL-terminated string by this formatter's
      // contract (as for printf's %s).
      internal::FormatText(sink, value == nullptr ? "(null)" : value, spec);
    }
  }
};

// Pointers (any object pointer and nullptr are formatted as `const void*`): "0x" and
// lower-case hex for p or none, with width, fill, alignment and '0'; or x/X with '#'.
template <>
struct Formatter<const void*> {
  static constexpr bool ValidateSpec(const FormatSpec& spec) {
    const bool hex = spec.type == 'x' || spec.type == 'X';
    const bool pointer = spec.type == '\0' || spec.type == 'p';
    return (hex || pointer) && spec.sign == Sign::kDefault && !(pointer && spec.alternate);
  }
  static void Format(const void* value, const FormatSpec& spec, Sink& sink) {
    internal::FormatAddress(sink, value, spec);
  }
};

}  // namespace libk
