// The console's echo of typed keys: what the kernel's idle loop hands to the keyboard
// input (kernel/input) so that typing shows on serial and screen.
#pragma once

#include "kernel/drivers/keyboard/keyboard.h"

namespace kernel::console {

// Prints a typed character on serial and screen: printable ASCII and newline; other keys
// (raw keys, control characters) print nothing.
void EchoKey(drivers::keyboard::DecodedKey key);

}  // namespace kernel::console
