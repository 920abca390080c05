// Keyboard input: the IRQ 1 handler reads each scancode byte from the i8042
// (kernel/drivers/ps2), decodes it (kernel/drivers/keyboard) and hands every typed key to
// the handler its consumer installed, such as the console's echo (console::EchoKey) — or,
// with InitRaw, hands the raw byte to a hook that queues it for a task.
#pragma once

#include <cstdint>

#include "libk/result/result.h"

#include "kernel/drivers/keyboard/keyboard.h"

namespace kernel::input {

// Receives each key typed, in the IRQ 1 handler (interrupts disabled; it may print).
using KeyHandler = void (*)(drivers::keyboard::DecodedKey key);

// Receives each raw scancode byte, in the IRQ 1 handler (interrupts disabled). It must
// only queue the byte and wake its consumer: decoding happens outside the interrupt.
using ScancodeHook = void (*)(std::uint8_t scancode);

// Initialises the i8042 controller and the keyboard, then installs the IRQ 1 handler,
// which calls `on_key` for each key typed. Returns the controller's error (kTimedOut,
// kMalformed; see I8042::Init) and leaves IRQ 1 masked if initialisation fails.
// Requires interrupts::Init; call once.
libk::Result<void> Init(KeyHandler on_key);

// As Init, but the IRQ 1 handler only hands each raw scancode to `on_scancode` (the async
// keyboard stream decodes them in a task). Call once, instead of Init.
libk::Result<void> InitRaw(ScancodeHook on_scancode);

// Returns how many scancode bytes the IRQ 1 handler read from the controller.
std::uint64_t ScancodesReceived();

}  // namespace kernel::input
