// Must not compile: drops the Result of TryPush, hiding an allocation failure.
#include "libk/memory/vector.h"

void Fill(libk::Vector<int>& values) { values.TryPush(1); }
