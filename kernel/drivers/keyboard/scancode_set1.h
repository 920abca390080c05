// Decodes the byte stream of a PC keyboard in scancode set 1 (what the i8042 controller
// delivers with translation on) into key press/release events. Pure and total: any byte
// sequence is accepted, unknown codes produce nothing, and no garbage can leave the
// decoder stuck in a prefix.
#pragma once

#include <cstdint>

#include "libk/result/optional.h"

#include "kernel/drivers/keyboard/key_code.h"

namespace kernel::drivers::keyboard {

// The scancode set 1 state machine.
//
// - A byte b < 0x80 presses key b, b | 0x80 releases it; 0xE0 prefixes one extended code.
// - The fake shifts that keyboards wrap around PrintScreen and the navigation keys
//   (E0 2A, E0 AA, E0 36, E0 B6) are dropped, so they never touch the real Shift keys.
// - Pause sends E1 1D 45 E1 9D C5: the first three bytes decode to a kPause press, the
//   last three to its release. Ctrl+Pause (E0 46 / E0 C6) also decodes to kPause.
// - 0x00 and 0xFF (key detection error / buffer overrun) reset the state machine.
// - Recovery: a prefix followed by an unexpected byte is abandoned. After E0 the byte is
//   taken as the (possibly unknown) extended code; inside a Pause sequence it is decoded
//   afresh, as if the sequence had not started. So from any state, the decoder is idle
//   again after at most two bytes that are not themselves prefixes.
// - Controller replies (ACK 0xFA, resend 0xFE, echo 0xEE) decode to releases of unknown
//   codes, so they produce nothing.
// - Every byte that belongs to no key (an unknown code, an error byte) is counted in
//   ignored(), so a kernel can report what it did not understand.
class Decoder {
 public:
  constexpr Decoder() = default;

  // Consumes one byte; returns the key event it completes, if any.
  libk::Optional<KeyEvent> Feed(std::uint8_t byte);

  // Returns whether no multi-byte sequence is in progress.
  constexpr bool idle() const { return state_ == State::kIdle; }

  // Abandons any sequence in progress.
  constexpr void Reset() { state_ = State::kIdle; }

  // Returns how many bytes were ignored: unknown make or break codes (plain or after E0;
  // the fake shifts excepted, which belong to their key) and the error bytes 00 and FF.
  constexpr std::uint64_t ignored() const { return ignored_; }

 private:
  enum class State : std::uint8_t {
    kIdle,
    kExtended,     // After E0.
    kPause,        // After E1.
    kPauseSecond,  // After E1 1D (press) or E1 9D (release).
  };

  libk::Optional<KeyEvent> FeedIdle(std::uint8_t byte);
  libk::Optional<KeyEvent> FeedExtended(std::uint8_t byte);

  // Returns the event for `key`, or counts `key` as ignored if it is kNone.
  libk::Optional<KeyEvent> EventOrIgnore(KeyCode key, std::uint8_t byte);

  State state_ = State::kIdle;
  bool pause_release_ = false;  // In kPauseSecond: whether the sequence is the release half.
  std::uint64_t ignored_ = 0;
};

// Returns the key for a one-byte make code (0x01..0x7F), or kNone.
KeyCode BaseKey(std::uint8_t make_code);
// Returns the key for an E0-prefixed make code (0x01..0x7F), or kNone.
KeyCode ExtendedKey(std::uint8_t make_code);

}  // namespace kernel::drivers::keyboard
