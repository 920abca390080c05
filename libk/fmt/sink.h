// Sinks: where formatted text goes. Formatting writes through the small `Sink` interface,
// so the same code fills a fixed buffer in a host test, a panic message on the stack, or
// (through sinks defined by drivers) the serial port and the VGA screen.
#pragma once

#include <cstddef>

#include "libk/fmt/string_view.h"

namespace libk {

// Receives text. Implementations decide what writing means (copy, send, count) and must
// accept any amount of text; a sink that runs out of room drops the rest and says so
// through its own interface.
//
// The destructor is protected and non-virtual: sinks are never deleted through a `Sink*`,
// and a virtual destructor would make every vtable refer to `operator delete`, which the
// freestanding kernel does not want to provide just for this.
class Sink {
 public:
  // Writes `text`.
  virtual void Write(StringView text) = 0;

  // Writes the single character `c`.
  void Put(char c) {
    // SAFETY: `c` is one readable character that lives across the call.
    Write(StringView(&c, 1));
  }

 protected:
  Sink() = default;
  Sink(const Sink&) = default;
  Sink& operator=(const Sink&) = default;
  Sink(Sink&&) = default;
  Sink& operator=(Sink&&) = default;
  ~Sink() = default;
};

// Writes into a caller-provided character buffer, keeping it NUL-terminated and never
// writing past its end. Invariant: `size() < capacity` (when capacity > 0), and
// `buffer[size()] == '\0'`. Text that does not fit is dropped and `truncated()` is set,
// so the contents are always a prefix of everything written.
class BufferSink final : public Sink {
 public:
  // Writes into `buffer`.
  template <std::size_t N>
  explicit BufferSink(char (&buffer)[N])  // NOLINT(cppcoreguidelines-pro-type-member-init)
      : BufferSink(buffer, N) {}  // (delegates: the members are set by the constructor below)

  // Writes into the `capacity` bytes at `buffer` (one of them is kept for the NUL).
  // Safety: `buffer` must point to `capacity` writable bytes that outlive the sink, and
  // nothing else may write to them while the sink is in use.
  BufferSink(char* buffer, std::size_t capacity) : buffer_(buffer), capacity_(capacity) {
    if (capacity_ > 0) buffer_[0] = '\0';
  }

  BufferSink(const BufferSink&) = delete;
  ~BufferSink() = default;
  BufferSink& operator=(const BufferSink&) = delete;

  // Appends as much of `text` as fits.
  void Write(StringView text) override;

  // Returns the text written so far (NUL-terminated when the capacity is not 0).
  StringView view() const {
    // SAFETY: the invariant keeps size_ within the buffer.
    return StringView(buffer_, size_);
  }
  const char* c_str() const { return capacity_ > 0 ? buffer_ : ""; }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  // Returns whether any written text was dropped for lack of room.
  bool truncated() const { return truncated_; }

  // Empties the buffer and clears `truncated()`.
  void Clear() {
    size_ = 0;
    truncated_ = false;
    if (capacity_ > 0) buffer_[0] = '\0';
  }

 private:
  char* buffer_;
  std::size_t capacity_;
  std::size_t size_ = 0;
  bool truncated_ = false;
};

// A `BufferSink` that owns its `N`-byte buffer: it holds up to N - 1 characters and a NUL.
template <std::size_t N>
class FixedBufferSink final : public Sink {
  static_assert(N > 0, "a FixedBufferSink needs room for the NUL terminator");

 public:
  FixedBufferSink() = default;
  FixedBufferSink(const FixedBufferSink&) = delete;
  ~FixedBufferSink() = default;
  FixedBufferSink& operator=(const FixedBufferSink&) = delete;

  void Write(StringView text) override { sink_.Write(text); }

  StringView view() const { return sink_.view(); }
  const char* c_str() const { return sink_.c_str(); }
  std::size_t size() const { return sink_.size(); }
  static constexpr std::size_t capacity() { return N; }
  bool truncated() const { return sink_.truncated(); }
  void Clear() { sink_.Clear(); }

 private:
  char buffer_[N] = {};
  BufferSink sink_{buffer_};
};

// Counts the characters written to it and keeps none of them.
class CountingSink final : public Sink {
 public:
  void Write(StringView text) override { count_ += text.size(); }
  std::size_t count() const { return count_; }

 private:
  std::size_t count_ = 0;
};

}  // namespace libk
