// Must not compile: the Result of a fallible call is dropped (Result is [[nodiscard]]).
#include "libk/result/result.h"

libk::Result<int> Parse(int x) { return x; }

void Caller() { Parse(1); }
