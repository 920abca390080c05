// String: owned, growable text on the heap. It is a Sink, so libk::Format writes into it
// (Format(text, "{} at {:#x}", name, address)), and it has a Formatter, so it formats
// itself. Growing can fail: TryAppend and TryFormat return Error::kOutOfMemory; as a Sink,
// a String that cannot grow drops the text and says so through allocation_failed().
#pragma once

#include <cstddef>

#include "libk/base/source_location.h"
#include "libk/fmt/format.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/spec.h"
#include "libk/fmt/string_view.h"
#include "libk/result/result.h"

namespace libk {

// Invariant: data_ is null when capacity_ is 0, else it holds capacity_ + 1 characters
// from memory::AllocateArray, the first size_ of them the text and data_[size_] a NUL.
class String final : public Sink {
 public:
  constexpr String() = default;
  String(const String&) = delete;
  String& operator=(const String&) = delete;
  String(String&& other) noexcept;
  String& operator=(String&& other) noexcept;
  ~String();

  // Returns a String holding `text`, or Error::kOutOfMemory.
  static Result<String> TryFrom(StringView text);

  // Returns the text Format writes for `format` and `args`, or Error::kOutOfMemory.
  template <typename... Args>
  static Result<String> TryFormat(FormatStringFor<Args...> format, const Args&... args) {
    String text;
    LIBK_TRY(text.TryReserve(FormattedSize(format, args...)));
    Format(text, format, args...);
    return text;
  }

  // Returns a copy, or Error::kOutOfMemory.
  Result<String> TryClone() const { return TryFrom(view()); }

  // Makes room for `capacity` characters in all; Error::kOutOfMemory if it cannot.
  Result<void> TryReserve(std::size_t capacity);

  // Appends `text`; Error::kOutOfMemory (and no change) if the String cannot grow.
  Result<void> TryAppend(StringView text);
  // As TryAppend, but panics at the caller when out of memory.
  void Append(StringView text, SourceLocation loc = SourceLocation::Current());

  // Appends `text` as a Sink; if the String cannot grow, drops the text and sets
  // allocation_failed().
  void Write(StringView text) override;

  // Empties the text (keeping the capacity) and clears allocation_failed().
  void Clear();

  StringView view() const {
    // SAFETY: the invariant: data_ holds size_ characters (or size_ is 0).
    return StringView(data_, size_);
  }
  // Returns the text, NUL-terminated.
  const char* c_str() const { return data_ == nullptr ? "" : data_; }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }
  // Returns whether a Write was dropped because the String could not grow.
  bool allocation_failed() const { return allocation_failed_; }

  friend bool operator==(const String& a, const String& b) { return a.view() == b.view(); }
  friend bool operator==(const String& a, StringView b) { return a.view() == b; }

 private:
  // Grows to at least `capacity` characters, doubling.
  Result<void> Grow(std::size_t capacity);
  void Free();

  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  bool allocation_failed_ = false;
};

// Formats a String as its text (with the specs a string takes).
template <>
struct Formatter<String> {
  static constexpr bool ValidateSpec(const FormatSpec& spec) {
    return Formatter<StringView>::ValidateSpec(spec);
  }
  static void Format(const String& value, const FormatSpec& spec, Sink& sink) {
    Formatter<StringView>::Format(value.view(), spec, sink);
  }
};

}  // namespace libk
