// Must not compile: an Optional<const T&> bound to a temporary would dangle.
#include "libk/result/optional.h"

int Caller() {
  libk::Optional<const int&> dangling = 42;
  return dangling.has_value() ? 1 : 0;
}
