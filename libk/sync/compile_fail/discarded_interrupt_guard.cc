// Misuse: an InterruptGuard temporary, which re-enables interrupts at the semicolon.
#include "libk/sync/interrupts.h"

void Critical() { libk::interrupts::InterruptGuard(); }
