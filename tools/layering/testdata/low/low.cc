#include "tools/layering/testdata/low/low.h"

#include "tools/layering/testdata/high/high.h"

int Low() { return High() - 1; }
