// Serial input: the COM1 receive interrupt (IRQ 4). Its handler drains the UART's receive
// FIFO and hands every byte to the hook its consumer installed (the async serial stream,
// which queues it for a task); nothing is decoded or echoed in the interrupt.
#pragma once

#include <cstdint>

namespace kernel::input {

// Receives each byte that arrived on COM1, in the IRQ 4 handler (interrupts disabled).
using SerialByteHook = void (*)(std::uint8_t byte);

// Installs the IRQ 4 handler, which passes each received byte to `on_byte`, unmasks the
// line and turns on COM1's receive interrupt. Requires console::Init and interrupts::Init;
// call once. Polled reads (console::TryReadSerial) must stop from then on.
void InitSerial(SerialByteHook on_byte);

// Returns how many times the IRQ 4 handler ran and how many bytes it drained.
std::uint64_t SerialInterruptCount();
std::uint64_t SerialBytesReceived();

}  // namespace kernel::input
