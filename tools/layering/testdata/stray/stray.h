// A library in no layer.
#pragma once

inline int Stray() { return 3; }
