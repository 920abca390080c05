#include "kernel/async/streams.h"

#include <atomic>
#include <new>

#include "libk/panic/panic.h"

#include "kernel/input/keyboard.h"
#include "kernel/input/serial.h"

namespace kernel::async {
namespace {

// The streams live for good once started; the hooks find them here.
constinit KeyboardStream* keyboard_stream = nullptr;
constinit SerialStream* serial_stream = nullptr;

}  // namespace

libk::Result<KeyboardStream*> KeyboardStream::Start() {
  LIBK_ASSERT(keyboard_stream == nullptr, "KeyboardStream::Start called twice");
  // Never freed: the hook may run at any time from now on.
  keyboard_stream = new (std::nothrow_t{}) KeyboardStream();
  if (keyboard_stream == nullptr) return libk::Err(libk::Error::kOutOfMemory);
  std::atomic_signal_fence(std::memory_order_seq_cst);  // Published before the hook runs.
  LIBK_TRY(input::InitRaw(&KeyboardStream::OnScancode));
  return keyboard_stream;
}

void KeyboardStream::OnScancode(std::uint8_t scancode) {
  // A full channel counts the drop itself.
  static_cast<void>(keyboard_stream->scancodes_.TryPush(scancode));
}

libk::async::Task<libk::Optional<drivers::keyboard::DecodedKey>> KeyboardStream::NextKey() {
  while (const libk::Optional<std::uint8_t> scancode = co_await scancodes_.Next()) {
    if (const auto key = decoder_.Feed(*scancode)) {
      co_return *key;
    }
  }
  co_return libk::Optional<drivers::keyboard::DecodedKey>();
}

SerialStream* SerialStream::Start() {
  LIBK_ASSERT(serial_stream == nullptr, "SerialStream::Start called twice");
  // Never freed: the hook may run at any time from now on.
  serial_stream = new (std::nothrow_t{}) SerialStream();
  LIBK_ASSERT(serial_stream != nullptr, "out of memory for the serial stream");
  std::atomic_signal_fence(std::memory_order_seq_cst);  // Published before the hook runs.
  input::InitSerial(&SerialStream::OnByte);
  return serial_stream;
}

void SerialStream::OnByte(std::uint8_t byte) {
  static_cast<void>(serial_stream->bytes_.TryPush(byte));
}

}  // namespace kernel::async
