// Uses the other package of the middle layer.
#pragma once

#include "tools/layering/testdata/mid_b/mid_b.h"

inline int UsesB() { return MidB(); }
