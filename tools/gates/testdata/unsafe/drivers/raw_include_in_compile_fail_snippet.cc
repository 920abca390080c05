// Control: the snippet of a compile-fail test, which exists to fail (rule 5 skips it).
#include "libk/arch/x86_64/raw/cpu.h"
