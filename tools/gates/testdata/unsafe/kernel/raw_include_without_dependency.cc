// Planted: a raw/ header reached through another library's dependency on raw/.
#include "libk/arch/x86_64/raw/cpu.h"
