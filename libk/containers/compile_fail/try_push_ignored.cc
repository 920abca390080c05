// Must not compile: drops the Result of TryPush, hiding a full vector.
#include "libk/containers/array_vec.h"

void Fill(libk::ArrayVec<int, 4>& values) { values.TryPush(1); }
