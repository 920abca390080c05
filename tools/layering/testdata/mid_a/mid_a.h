// A library of the middle planted layer.
#pragma once

inline int MidA() { return 1; }
