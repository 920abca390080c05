// The keyboard layer above the scancode decoder: tracks modifier and lock keys and turns
// key presses into characters (US layout) or, for keys that type nothing, raw key codes.
#pragma once

#include <cstdint>

#include "libk/panic/panic.h"
#include "libk/result/optional.h"

#include "kernel/drivers/keyboard/key_code.h"
#include "kernel/drivers/keyboard/scancode_set1.h"

namespace kernel::drivers::keyboard {

// The state of the modifier and lock keys.
struct Modifiers {
  bool left_shift = false;
  bool right_shift = false;
  bool left_ctrl = false;
  bool right_ctrl = false;
  bool left_alt = false;
  bool right_alt = false;
  bool caps_lock = false;  // Toggled by each press of Caps Lock (repeats ignored).
  bool num_lock = true;    // Toggled like caps_lock; on, as most firmware leaves it.

  constexpr bool shift() const { return left_shift || right_shift; }
  constexpr bool ctrl() const { return left_ctrl || right_ctrl; }
  constexpr bool alt() const { return left_alt || right_alt; }

  constexpr bool operator==(const Modifiers&) const = default;
};

// What a key press means: a character (Unicode code point; ASCII for the US layout,
// including control characters) or a key that types nothing (arrows, F-keys, ...).
class DecodedKey {
 public:
  enum class Kind : std::uint8_t { kUnicode, kRaw };

  constexpr DecodedKey() = default;
  static constexpr DecodedKey Unicode(char32_t c) { return DecodedKey(Kind::kUnicode, c, {}); }
  static constexpr DecodedKey Raw(KeyCode key) { return DecodedKey(Kind::kRaw, 0, key); }

  constexpr Kind kind() const { return kind_; }
  // Returns the character. Panics unless kind() is kUnicode.
  constexpr char32_t unicode() const {
    LIBK_ASSERT(kind_ == Kind::kUnicode, "DecodedKey is not a character");
    return unicode_;
  }
  // Returns the key. Panics unless kind() is kRaw.
  constexpr KeyCode raw() const {
    LIBK_ASSERT(kind_ == Kind::kRaw, "DecodedKey is not a raw key");
    return raw_;
  }

  constexpr bool operator==(const DecodedKey&) const = default;

 private:
  constexpr DecodedKey(Kind kind, char32_t unicode, KeyCode raw)
      : kind_(kind), unicode_(unicode), raw_(raw) {}

  Kind kind_ = Kind::kRaw;
  char32_t unicode_ = 0;
  KeyCode raw_ = KeyCode::kNone;
};

// A US-layout keyboard.
//
// - Releases, and presses of Shift, Ctrl, Alt, Caps Lock and Num Lock, produce nothing;
//   they only update modifiers(). Caps Lock and Num Lock toggle on the press that follows
//   a release, so typematic repeats of a held lock key do not flip it back and forth.
// - Letters type lower case, upper case when exactly one of Shift and Caps Lock is active.
//   Other printable keys type their shifted symbol while Shift is held.
// - Ctrl+letter types the control character (Ctrl+A = 0x01 ... Ctrl+Z = 0x1A) regardless
//   of Shift and Caps Lock; Ctrl with any other key is ignored (the key types as usual).
//   Alt changes nothing: callers that care read modifiers().
// - Enter and keypad Enter type '\n', Tab '\t', Backspace '\b', Escape 0x1B.
// - Keypad digits and '.' type while Num Lock is on; otherwise they are the navigation keys
//   printed on them (Home, Up, ..., Insert, Delete; keypad 5 stays kKeypad5) as raw keys.
// - Every other key is returned raw (F-keys, arrows, Delete, PrintScreen, Pause, GUI...).
class Keyboard {
 public:
  constexpr Keyboard() = default;

  // Consumes one byte from the keyboard; returns the key it completes, if any.
  libk::Optional<DecodedKey> Feed(std::uint8_t byte);

  // Applies one key event; returns what it types, if anything.
  libk::Optional<DecodedKey> Process(KeyEvent event);

  constexpr const Modifiers& modifiers() const { return modifiers_; }

  // Returns how many bytes the scancode decoder ignored (Decoder::ignored()).
  constexpr std::uint64_t ignored_bytes() const { return decoder_.ignored(); }

 private:
  Decoder decoder_;
  Modifiers modifiers_;
  bool caps_lock_held_ = false;
  bool num_lock_held_ = false;
};

}  // namespace kernel::drivers::keyboard
