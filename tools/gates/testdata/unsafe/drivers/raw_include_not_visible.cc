// Planted: a package that raw/ does not list includes a raw/ header (and one that no raw/
// target exports).
#include "libk/arch/x86_64/raw/cpu.h"
#include "libk/arch/x86_64/raw/private_detail.h"
