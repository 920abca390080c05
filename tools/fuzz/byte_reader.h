// Reads a fuzzer's input front to back as a script of small values. Unlike libFuzzer's
// FuzzedDataProvider (which takes integers from the end), every value comes from the next
// bytes in order, so a seed input can be written by hand and a crash input read as the
// steps it took. Past the end every read returns zeros.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace keel::fuzz {

class ByteReader {
 public:
  explicit ByteReader(std::span<const std::uint8_t> data) : data_(data) {}

  bool empty() const { return position_ >= data_.size(); }
  std::size_t remaining() const { return empty() ? 0 : data_.size() - position_; }

  // Returns the next byte, or 0 past the end.
  std::uint8_t Byte() { return empty() ? 0 : data_[position_++]; }

  // Returns whether the next byte is odd.
  bool Bool() { return (Byte() & 1) != 0; }

  // Returns a value in [0, count) from the next byte (count <= 256) or, for larger
  // counts, from the next four bytes.
  std::size_t Below(std::size_t count) {
    if (count == 0) return 0;
    const std::uint64_t raw = count <= 256 ? Byte() : U32();
    return static_cast<std::size_t>(raw % count);
  }

  // Returns the next 4 or 8 bytes as a little-endian integer.
  std::uint32_t U32() { return static_cast<std::uint32_t>(LittleEndian(4)); }
  std::uint64_t U64() { return LittleEndian(8); }

  // Returns the next `count` bytes (fewer at the end of the input).
  std::vector<std::uint8_t> Bytes(std::size_t count) {
    std::vector<std::uint8_t> bytes;
    while (count-- > 0 && !empty()) bytes.push_back(Byte());
    return bytes;
  }

  // Returns a string whose length is the next byte (at most `max`), then its characters.
  std::string String(std::size_t max) {
    const std::size_t length = Below(max + 1);
    std::string text;
    for (std::size_t i = 0; i < length && !empty(); ++i) text.push_back(static_cast<char>(Byte()));
    return text;
  }

  // Returns everything not read yet.
  std::span<const std::uint8_t> Rest() {
    const std::span<const std::uint8_t> rest = data_.subspan(empty() ? data_.size() : position_);
    position_ = data_.size();
    return rest;
  }

 private:
  std::uint64_t LittleEndian(int bytes) {
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) value |= std::uint64_t{Byte()} << (8 * i);
    return value;
  }

  std::span<const std::uint8_t> data_;
  std::size_t position_ = 0;
};

}  // namespace keel::fuzz
