// Must not compile: a Span<Base> over Derived objects would index with the wrong stride.
#include "libk/containers/span.h"

struct Base {
  int a;
};
struct Derived : Base {
  int b;
};

size_t Count() {
  Derived objects[4] = {};
  libk::Span<Base> view = objects;
  return view.size();
}
