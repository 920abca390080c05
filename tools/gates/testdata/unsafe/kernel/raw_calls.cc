// Planted: calls into raw:: with and without a SAFETY comment.
#include "libk/arch/x86_64/raw/cpu.h"

namespace raw = libk::x86_64::raw;

void Documented() {
  // SAFETY: interrupts are enabled again below.
  raw::Cli();
}

void Undocumented() { raw::Cli(); }

void SafeCall() { raw::Hlt(); }
