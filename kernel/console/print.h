// Formatted printing for the kernel: kprint/kprintln write to the console (COM1 and the
// VGA screen), serial_print/serial_println to COM1 only. Format strings are checked at
// compile time (libk/fmt). Each call holds the console lock for its whole output, so
// lines from interrupt handlers and normal code never interleave within a call.
#pragma once

#include "libk/fmt/format.h"
#include "libk/fmt/sink.h"

namespace kernel::console {

enum class Target : unsigned char {
  kConsole,  // COM1 and the screen.
  kSerial,   // COM1 only.
};

namespace internal {
// Writes the output of one print call, with the console locked.
class PrintBody {
 public:
  PrintBody(const PrintBody&) = delete;
  PrintBody& operator=(const PrintBody&) = delete;

  // Writes the output to `sink`.
  virtual void Run(libk::Sink& sink) const = 0;

 protected:
  PrintBody() = default;
  ~PrintBody() = default;
};

// A PrintBody that calls `f(sink)`.
template <typename F>
class PrintBodyOf final : public PrintBody {
 public:
  explicit PrintBodyOf(const F& f) : f_(&f) {}
  void Run(libk::Sink& sink) const override { (*f_)(sink); }

 private:
  const F* f_;  // Not null: the function outlives this body (both live in Print's frame).
};

// Locks the console and runs `body` with a sink writing to `target`.
void LockedPrint(Target target, const PrintBody& body);

template <typename... Args>
void Print(Target target, bool newline, libk::FormatStringFor<Args...> format,
           const Args&... args) {
  auto body = [&](libk::Sink& sink) {
    libk::Format(sink, format, args...);
    if (newline) {
      sink.Put('\n');
    }
  };
  LockedPrint(target, PrintBodyOf<decltype(body)>(body));
}
}  // namespace internal

}  // namespace kernel::console

namespace kernel {

// The names follow the Rust kernel tradition (print!/println!) rather than house
// CamelCase: they are the kernel's most used functions and read as such.
// NOLINTBEGIN(readability-identifier-naming)

// Prints to serial and screen.
template <typename... Args>
void kprint(libk::FormatStringFor<Args...> format, const Args&... args) {
  console::internal::Print<Args...>(console::Target::kConsole, false, format, args...);
}

// Prints to serial and screen, then a newline.
template <typename... Args>
void kprintln(libk::FormatStringFor<Args...> format, const Args&... args) {
  console::internal::Print<Args...>(console::Target::kConsole, true, format, args...);
}

// Prints to COM1 only.
template <typename... Args>
void serial_print(libk::FormatStringFor<Args...> format, const Args&... args) {
  console::internal::Print<Args...>(console::Target::kSerial, false, format, args...);
}

// Prints to COM1 only, then a newline.
template <typename... Args>
void serial_println(libk::FormatStringFor<Args...> format, const Args&... args) {
  console::internal::Print<Args...>(console::Target::kSerial, true, format, args...);
}

// NOLINTEND(readability-identifier-naming)

}  // namespace kernel
