// Must not compile: a Span of a temporary ArrayVec would dangle.
#include "libk/containers/array_vec.h"
#include "libk/containers/span.h"

libk::ArrayVec<int, 4> MakeValues();

size_t Count() {
  libk::Span<const int> view = MakeValues();
  return view.size();
}
