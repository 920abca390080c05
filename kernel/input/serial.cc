#include "kernel/input/serial.h"

#include <atomic>

#include "libk/panic/panic.h"

#include "kernel/console/console.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/interrupts/irq.h"

namespace kernel::input {
namespace {

std::atomic<SerialByteHook> byte_hook{nullptr};
std::atomic<std::uint64_t> interrupts_seen{0};
std::atomic<std::uint64_t> bytes_received{0};

// Drains the FIFO: reading until no byte waits clears the receive interrupt.
void OnSerialInterrupt() {
  interrupts_seen.fetch_add(1, std::memory_order_relaxed);
  const SerialByteHook hook = byte_hook.load(std::memory_order_relaxed);
  char byte = 0;
  while (console::TryReadSerial(&byte)) {
    bytes_received.fetch_add(1, std::memory_order_relaxed);
    if (hook != nullptr) hook(static_cast<std::uint8_t>(byte));
  }
}

}  // namespace

void InitSerial(SerialByteHook on_byte) {
  LIBK_ASSERT(on_byte != nullptr, "null serial byte hook");
  LIBK_ASSERT(interrupts::Initialized(), "input::InitSerial before interrupts::Init");
  byte_hook.store(on_byte, std::memory_order_relaxed);
  interrupts::SetIrqHandler(interrupts::kCom1Irq, &OnSerialInterrupt);
  console::EnableSerialReceiveInterrupt();
}

std::uint64_t SerialInterruptCount() { return interrupts_seen.load(std::memory_order_relaxed); }

std::uint64_t SerialBytesReceived() { return bytes_received.load(std::memory_order_relaxed); }

}  // namespace kernel::input
