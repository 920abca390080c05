// A library of the middle planted layer.
#pragma once

inline int MidB() { return 1; }
