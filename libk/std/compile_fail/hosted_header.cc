// Kernel code cannot reach the hosted standard library: <cstdio> is not on the include path.
#include <cstdio>
