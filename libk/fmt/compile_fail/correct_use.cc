// The correct uses next to each compile_fail snippet in this directory: they compile, and
// print what they should.
#include <cstdio>
#include <cstring>

#include "libk/fmt/format.h"

struct NoFormatter {};  // no_formatter.cc: fine as long as it is not formatted
struct Point {
  int x;
};
template <>
struct libk::Formatter<Point> {
  static void Format(const Point& p, const libk::FormatSpec&, libk::Sink& sink) {
    libk::Format(sink, "({})", p.x);
  }
};

int main() {
  libk::FixedBufferSink<128> sink;
  libk::Format(sink, "{}", 1);                 // too_many_arguments.cc
  libk::Format(sink, "{} {}|", 1, 2);          // too_few_arguments.cc
  libk::Format(sink, "{:x}|", 255);            // unknown_type.cc
  libk::Format(sink, "{:s}|", "text");         // hex_for_string.cc
  libk::Format(sink, "value {{|");             // unmatched_open_brace.cc
  libk::Format(sink, "{} }}|", 1);             // unmatched_close_brace.cc
  libk::Format(sink, "{}|", 1);                // argument_index.cc
  constexpr libk::StringView kFormat = "{}|";  // runtime_format_string.cc
  libk::Format(sink, kFormat, 1);
  libk::Format(sink, "{}", Point{1});  // spec_without_validate_spec.cc
  (void)NoFormatter{};
  const char* expected = "11 2|ff|text|value {|1 }|1|1|(1)";
  if (std::strcmp(sink.c_str(), expected) != 0) {
    std::printf("got      %s\nexpected %s\n", sink.c_str(), expected);
    return 1;
  }
  return 0;
}
