// Keyboard input: the IRQ 1 handler reads each scancode byte from the i8042
// (kernel/drivers/ps2), decodes it (kernel/drivers/keyboard) and hands every typed key to
// the handler its consumer installed, such as the console's echo (console::EchoKey).
#pragma once

#include "libk/result/result.h"

#include "kernel/drivers/keyboard/keyboard.h"

namespace kernel::input {

// Receives each key typed, in the IRQ 1 handler (interrupts disabled; it may print).
using KeyHandler = void (*)(drivers::keyboard::DecodedKey key);

// Initialises the i8042 controller and the keyboard, then installs the IRQ 1 handler,
// which calls `on_key` for each key typed. Returns the controller's error (kTimedOut,
// kMalformed; see I8042::Init) and leaves IRQ 1 masked if initialisation fails.
// Requires interrupts::Init; call once.
libk::Result<void> Init(KeyHandler on_key);

}  // namespace kernel::input
