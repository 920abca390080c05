#include "tools/layering/testdata/high/high.h"
#include "tools/layering/testdata/low/low.h"

int Sneaky() { return High() + Low(); }
