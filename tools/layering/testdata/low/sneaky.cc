#include "tools/layering/testdata/high/high.h"
#include "tools/layering/testdata/low/low.h"

// Only the include above matters to the layering test.
int Sneaky() { return High() + Low(); }  // NOLINT(misc-use-internal-linkage): planted code.
