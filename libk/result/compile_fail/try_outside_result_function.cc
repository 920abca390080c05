// Must not compile: LIBK_TRY in a function that cannot return the error.
#include "libk/result/result.h"

libk::Result<int> Parse(int x) { return x; }

int Caller() { return LIBK_TRY(Parse(1)); }
