// Must not compile: an error returned without Err() would be taken for a value.
#include "libk/result/result.h"

libk::Result<int> Parse() { return libk::Error::kMalformed; }
