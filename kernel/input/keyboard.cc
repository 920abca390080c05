#include "kernel/input/keyboard.h"

#include <atomic>

#include "libk/arch/x86_64/raw/claim.h"
#include "libk/panic/panic.h"

#include "kernel/drivers/ps2/i8042.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/interrupts/irq.h"

namespace kernel::input {
namespace {

namespace raw = libk::x86_64::raw;
using drivers::ps2::I8042;

// SAFETY: the i8042's ports (0x60, 0x64) are claimed here and nowhere else; this object
// drives the controller and the keyboard behind it.
constexpr I8042 kController(raw::ClaimPorts(I8042::kDataPort, 1),
                            raw::ClaimPorts(I8042::kStatusCommandPort, 1));

// The decoder's state. Touched only by the IRQ 1 handler, which never nests (it runs with
// interrupts disabled), so it needs no lock.
drivers::keyboard::Keyboard decoder;

std::atomic<KeyHandler> key_handler{nullptr};
std::atomic<ScancodeHook> scancode_hook{nullptr};
std::atomic<std::uint64_t> scancodes_received{0};

void OnKeyboardInterrupt() {
  const std::uint8_t scancode = kController.ReadData();
  scancodes_received.fetch_add(1, std::memory_order_relaxed);
  const ScancodeHook hook = scancode_hook.load(std::memory_order_relaxed);
  if (hook != nullptr) {
    hook(scancode);
    return;
  }
  const auto key = decoder.Feed(scancode);
  const KeyHandler handler = key_handler.load(std::memory_order_relaxed);
  if (key && handler != nullptr) handler(*key);
}

}  // namespace

libk::Result<void> Init(KeyHandler on_key) {
  LIBK_ASSERT(on_key != nullptr, "null key handler");
  LIBK_ASSERT(interrupts::Initialized(), "input::Init before interrupts::Init");
  LIBK_TRY(kController.Init());
  key_handler.store(on_key, std::memory_order_relaxed);
  interrupts::SetIrqHandler(interrupts::kKeyboardIrq, &OnKeyboardInterrupt);
  return libk::Ok();
}

libk::Result<void> InitRaw(ScancodeHook on_scancode) {
  LIBK_ASSERT(on_scancode != nullptr, "null scancode hook");
  LIBK_ASSERT(interrupts::Initialized(), "input::InitRaw before interrupts::Init");
  LIBK_TRY(kController.Init());
  scancode_hook.store(on_scancode, std::memory_order_relaxed);
  interrupts::SetIrqHandler(interrupts::kKeyboardIrq, &OnKeyboardInterrupt);
  return libk::Ok();
}

std::uint64_t ScancodesReceived() { return scancodes_received.load(std::memory_order_relaxed); }

}  // namespace kernel::input
