// A non-owning view of characters: a pointer and a length. The kernel has no
// <string_view>, and the formatting library needs one that works in constant expressions
// (format strings are checked at compile time).
#pragma once

#include <cstddef>

namespace libk {

// A read-only view of `size()` characters starting at `data()`. The characters are not
// owned and need not be NUL-terminated. Invariant: `data()` points to at least `size()`
// readable characters (or is null when `size()` is 0).
class StringView {
 public:
  using const_iterator = const char*;

  constexpr StringView() = default;

  // Views the NUL-terminated string `text`, without the NUL; a null `text` is empty.
  // Safety: a non-null `text` must point to a NUL-terminated string that outlives the view.
  constexpr StringView(const char* text) : data_(text), size_(Length(text)) {}  // NOLINT

  // Views the `size` characters at `data`.
  // Safety: `data` must point to at least `size` readable characters that outlive the view.
  constexpr StringView(const char* data, std::size_t size) : data_(data), size_(size) {}

  constexpr const char* data() const { return data_; }
  constexpr std::size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }

  // Returns the character at `index`. Precondition: `index < size()`.
  constexpr char operator[](std::size_t index) const { return data_[index]; }

  constexpr const_iterator begin() const { return data_; }
  constexpr const_iterator end() const { return data_ + size_; }

  // Returns the characters from `pos` on, at most `count` of them; `pos` past the end
  // gives an empty view.
  constexpr StringView Substr(std::size_t pos, std::size_t count = kNpos) const {
    if (pos >= size_) return StringView();
    const std::size_t rest = size_ - pos;
    // SAFETY: pos < size_ and the new length is at most size_ - pos.
    return StringView(data_ + pos, count < rest ? count : rest);
  }

  // Returns whether the view begins with `prefix`.
  constexpr bool StartsWith(StringView prefix) const {
    return prefix.size_ <= size_ && Substr(0, prefix.size_) == prefix;
  }

  // Returns the index of the first `c` at or after `pos`, or kNpos.
  constexpr std::size_t Find(char c, std::size_t pos = 0) const {
    for (std::size_t i = pos; i < size_; ++i) {
      if (data_[i] == c) return i;
    }
    return kNpos;
  }

  friend constexpr bool operator==(StringView a, StringView b) {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i) {
      if (a.data_[i] != b.data_[i]) return false;
    }
    return true;
  }

  static constexpr std::size_t kNpos = static_cast<std::size_t>(-1);

 private:
  static constexpr std::size_t Length(const char* text) {
    if (text == nullptr) return 0;
    std::size_t n = 0;
    while (text[n] != '\0') ++n;
    return n;
  }

  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// Returns the length of the string at `text`: the characters before its first NUL, or
// `max` when none of the first `max` characters is NUL (a fixed-size field, a string in
// untrusted bytes). Reads nothing at or past text + max.
// Safety: `text` must point at `max` readable characters, or at a NUL-terminated string
// shorter than that.
constexpr std::size_t BoundedStringLength(const char* text, std::size_t max) {
  std::size_t length = 0;
  while (length < max && text[length] != '\0') ++length;
  return length;
}

}  // namespace libk
