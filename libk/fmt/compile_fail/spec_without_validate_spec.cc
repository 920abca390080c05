// Must not compile: a spec for a type whose Formatter has no ValidateSpec (only "{}").
#include "libk/fmt/format.h"

struct Point {
  int x;
};
template <>
struct libk::Formatter<Point> {
  void Format(const Point& p, const libk::FormatSpec&, libk::Sink& sink) {
    libk::Format(sink, "({})", p.x);
  }
};
void Use(libk::Sink& sink) { libk::Format(sink, "{:>8}", Point{1}); }
