// Uses the other package of the middle layer.
#pragma once

#include "tools/layering/testdata/mid_a/mid_a.h"

inline int UsesA() { return MidA(); }
