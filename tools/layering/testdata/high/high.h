// A library of the highest planted layer.
#pragma once

inline int High() { return 2; }
