// The kernel's input streams: KeyboardStream and SerialStream. Their interrupt handlers
// (kernel/input) only push raw bytes into a bounded lock-free channel and wake the task
// that awaits it; decoding and echo run in that task. A full channel drops the byte and
// counts it (overflows()).
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/async/channel.h"
#include "libk/async/task.h"
#include "libk/result/optional.h"
#include "libk/result/result.h"

#include "kernel/drivers/keyboard/keyboard.h"

namespace kernel::async {

// The keyboard as a stream of decoded keys. One exists (its hook is a plain function).
class KeyboardStream {
 public:
  // Raw scancodes the IRQ 1 handler may queue ahead of the task (a key is two: press and
  // release; a fast typist needs a handful, a key flood overflows it).
  static constexpr std::size_t kCapacity = 64;

  // Initialises the keyboard with the scancode hook and returns the stream; kTimedOut or
  // kMalformed as input::InitRaw. Requires interrupts::Init; call once.
  static libk::Result<KeyboardStream*> Start();

  // Waits for the next key typed (scancodes that complete no key, such as releases, are
  // consumed on the way). One task reads the stream.
  libk::async::Task<libk::Optional<drivers::keyboard::DecodedKey>> NextKey();

  // Returns how many scancodes found the queue full and were dropped.
  std::uint64_t overflows() const { return scancodes_.overflows(); }

  // Returns how many scancodes the decoder did not understand (unknown codes, error
  // bytes). Read it from a task on the reader's CPU: the reading task updates it.
  std::uint64_t ignored() const { return decoder_.ignored_bytes(); }

  // Pushes one scancode and wakes the reader: what the IRQ 1 handler calls.
  static void OnScancode(std::uint8_t scancode);

 private:
  KeyboardStream() = default;

  libk::async::Channel<std::uint8_t, kCapacity> scancodes_;
  drivers::keyboard::Keyboard decoder_;  // Touched only by the reading task.
};

// COM1's input as a stream of bytes. One exists.
class SerialStream {
 public:
  // Bytes the IRQ 4 handler may queue ahead of the task (a pasted line fits).
  static constexpr std::size_t kCapacity = 256;

  // Installs the IRQ 4 hook, turns on COM1's receive interrupt and returns the stream.
  // Requires console::Init and interrupts::Init; call once.
  static SerialStream* Start();

  // Returns the awaitable for the next byte received. One task reads the stream.
  [[nodiscard]] auto Next() { return bytes_.Next(); }

  // Returns how many bytes found the queue full and were dropped.
  std::uint64_t overflows() const { return bytes_.overflows(); }

  static void OnByte(std::uint8_t byte);

 private:
  SerialStream() = default;

  libk::async::Channel<std::uint8_t, kCapacity> bytes_;
};

}  // namespace kernel::async
