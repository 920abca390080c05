#include "kernel/input/keyboard.h"

#include <atomic>

#include "libk/panic/panic.h"

#include "kernel/console/print.h"
#include "kernel/drivers/ps2/i8042.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/interrupts/irq.h"

namespace kernel::input {
namespace {

// SAFETY: the i8042 and the keyboard behind it are driven by this file alone.
constexpr drivers::ps2::I8042 kController;

// The decoder's state. Touched only by the IRQ 1 handler, which never nests (it runs with
// interrupts disabled), so it needs no lock.
drivers::keyboard::Keyboard decoder;

std::atomic<KeyHandler> key_handler{nullptr};

void OnKeyboardInterrupt() {
  const auto key = decoder.Feed(kController.ReadData());
  const KeyHandler handler = key_handler.load(std::memory_order_relaxed);
  if (key && handler != nullptr) handler(*key);
}

}  // namespace

void EchoKey(drivers::keyboard::DecodedKey key) {
  if (key.kind() != drivers::keyboard::DecodedKey::Kind::kUnicode) return;
  const char32_t c = key.unicode();
  if (c == '\n' || (c >= 0x20 && c < 0x7f)) {
    kprint("{}", static_cast<char>(c));
  }
}

libk::Result<void> Init(KeyHandler on_key) {
  LIBK_ASSERT(on_key != nullptr, "null key handler");
  LIBK_ASSERT(interrupts::Initialized(), "input::Init before interrupts::Init");
  LIBK_TRY(kController.Init());
  key_handler.store(on_key, std::memory_order_relaxed);
  interrupts::SetIrqHandler(interrupts::kKeyboardIrq, &OnKeyboardInterrupt);
  return libk::Ok();
}

}  // namespace kernel::input
