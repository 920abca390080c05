// Planted: a device claimed with and without a SAFETY comment (the factory is the only
// way to give a port its number, so its call sites carry the proof of ownership).
#include "libk/arch/x86_64/raw/claim.h"

namespace raw = libk::x86_64::raw;

// SAFETY: the i8042 is claimed by nothing else.
const int kKeyboardController = raw::ClaimPorts(0x60, 1);

const int kSpeaker = raw::ClaimPorts(0x61, 1);
