// A reference model of a US PC keyboard for the keyboard tests, built independently of the
// decoder's tables: a table of keys derived from the physical rows of the keyboard, an
// encoder from key actions to set-1 bytes, and the events and characters each action
// should produce.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kernel/drivers/keyboard/key_code.h"
#include "kernel/drivers/keyboard/keyboard.h"

namespace kernel::drivers::keyboard::testing {

// How a key behaves in the keyboard layer.
enum class KeyClass { kModifier, kLock, kLetter, kSymbol, kKeypad, kRaw };

// One key of the reference keyboard.
struct KeySpec {
  KeyCode key;
  std::vector<std::uint8_t> make;  // The make sequence, prefix included.
  KeyClass key_class;
  char normal = 0;                            // kLetter, kSymbol, kKeypad (with Num Lock).
  char shifted = 0;                           // kLetter, kSymbol.
  KeyCode without_num_lock = KeyCode::kNone;  // kKeypad.
  bool navigation = false;                    // Keyboards may wrap it in fake shifts.
};

// Returns every key of the reference keyboard (Pause and PrintScreen included).
const std::vector<KeySpec>& ReferenceKeys();
// Returns the spec of `key`.
const KeySpec& SpecOf(KeyCode key);

// A key going down or up, with the byte-level variant the keyboard may choose: fake-shift
// wrapping for navigation keys and PrintScreen; for Pause, an odd variant is Ctrl+Pause
// (E0 46, with a release code), an even one the E1 sequence (press only: a release sends
// nothing). Ignored for other keys.
struct Action {
  KeyCode key{};
  bool pressed = false;
  int variant = 0;  // 0..3
};

std::ostream& operator<<(std::ostream& os, const Action& action);

// Returns the set-1 bytes a keyboard sends for `action`.
std::vector<std::uint8_t> Encode(const Action& action);
std::vector<std::uint8_t> Encode(const std::vector<Action>& actions);

// Returns the key events the decoder must produce for `actions`.
std::vector<KeyEvent> ExpectedEvents(const std::vector<Action>& actions);

// Returns byte chunks that must decode to nothing wherever they appear between actions:
// unknown codes, fake shifts, abandoned Pause sequences, error bytes.
const std::vector<std::vector<std::uint8_t>>& SilentChunks();

// The keyboard layer, written as a plain simulation over the reference table.
class ModelKeyboard {
 public:
  std::optional<DecodedKey> Process(const KeyEvent& event);

 private:
  std::vector<KeyCode> held_;  // Modifier and lock keys currently down.
  bool caps_lock_ = false;
  bool num_lock_ = true;
  bool Held(KeyCode key) const;
};

}  // namespace kernel::drivers::keyboard::testing
