#include "kernel/drivers/keyboard/keyboard.h"

#include <cstddef>
#include <cstdint>

#include "libk/panic/panic.h"

namespace kernel::drivers::keyboard {
namespace {

// A key that types a character: unshifted and shifted (US layout).
struct Printable {
  KeyCode key;
  char normal;
  char shifted;
};

constexpr Printable kUsPrintable[] = {
    {KeyCode::kBackquote, '`', '~'},
    {KeyCode::kDigit1, '1', '!'},
    {KeyCode::kDigit2, '2', '@'},
    {KeyCode::kDigit3, '3', '#'},
    {KeyCode::kDigit4, '4', '$'},
    {KeyCode::kDigit5, '5', '%'},
    {KeyCode::kDigit6, '6', '^'},
    {KeyCode::kDigit7, '7', '&'},
    {KeyCode::kDigit8, '8', '*'},
    {KeyCode::kDigit9, '9', '('},
    {KeyCode::kDigit0, '0', ')'},
    {KeyCode::kMinus, '-', '_'},
    {KeyCode::kEqual, '=', '+'},
    {KeyCode::kQ, 'q', 'Q'},
    {KeyCode::kW, 'w', 'W'},
    {KeyCode::kE, 'e', 'E'},
    {KeyCode::kR, 'r', 'R'},
    {KeyCode::kT, 't', 'T'},
    {KeyCode::kY, 'y', 'Y'},
    {KeyCode::kU, 'u', 'U'},
    {KeyCode::kI, 'i', 'I'},
    {KeyCode::kO, 'o', 'O'},
    {KeyCode::kP, 'p', 'P'},
    {KeyCode::kLeftBracket, '[', '{'},
    {KeyCode::kRightBracket, ']', '}'},
    {KeyCode::kBackslash, '\\', '|'},
    {KeyCode::kA, 'a', 'A'},
    {KeyCode::kS, 's', 'S'},
    {KeyCode::kD, 'd', 'D'},
    {KeyCode::kF, 'f', 'F'},
    {KeyCode::kG, 'g', 'G'},
    {KeyCode::kH, 'h', 'H'},
    {KeyCode::kJ, 'j', 'J'},
    {KeyCode::kK, 'k', 'K'},
    {KeyCode::kL, 'l', 'L'},
    {KeyCode::kSemicolon, ';', ':'},
    {KeyCode::kQuote, '\'', '"'},
    {KeyCode::kNonUsBackslash, '\\', '|'},
    {KeyCode::kZ, 'z', 'Z'},
    {KeyCode::kX, 'x', 'X'},
    {KeyCode::kC, 'c', 'C'},
    {KeyCode::kV, 'v', 'V'},
    {KeyCode::kB, 'b', 'B'},
    {KeyCode::kN, 'n', 'N'},
    {KeyCode::kM, 'm', 'M'},
    {KeyCode::kComma, ',', '<'},
    {KeyCode::kPeriod, '.', '>'},
    {KeyCode::kSlash, '/', '?'},
    {KeyCode::kSpace, ' ', ' '},
    {KeyCode::kTab, '\t', '\t'},
    {KeyCode::kEnter, '\n', '\n'},
    {KeyCode::kKeypadEnter, '\n', '\n'},
    {KeyCode::kBackspace, '\b', '\b'},
    {KeyCode::kEscape, '\x1b', '\x1b'},
    {KeyCode::kKeypadDivide, '/', '/'},
    {KeyCode::kKeypadMultiply, '*', '*'},
    {KeyCode::kKeypadMinus, '-', '-'},
    {KeyCode::kKeypadPlus, '+', '+'},
};

// A keypad key that depends on Num Lock.
struct KeypadKey {
  KeyCode key;
  char with_num_lock;
  KeyCode without_num_lock;
};

constexpr KeypadKey kKeypad[] = {
    {KeyCode::kKeypad0, '0', KeyCode::kInsert},      {KeyCode::kKeypad1, '1', KeyCode::kEnd},
    {KeyCode::kKeypad2, '2', KeyCode::kDown},        {KeyCode::kKeypad3, '3', KeyCode::kPageDown},
    {KeyCode::kKeypad4, '4', KeyCode::kLeft},        {KeyCode::kKeypad5, '5', KeyCode::kKeypad5},
    {KeyCode::kKeypad6, '6', KeyCode::kRight},       {KeyCode::kKeypad7, '7', KeyCode::kHome},
    {KeyCode::kKeypad8, '8', KeyCode::kUp},          {KeyCode::kKeypad9, '9', KeyCode::kPageUp},
    {KeyCode::kKeypadPeriod, '.', KeyCode::kDelete},
};

constexpr std::size_t kKeyCount = static_cast<std::size_t>(KeyCode::kCount);

// Direct lookup by KeyCode; an entry with key == kNone means "not in the table".
struct Layout {
  Printable printable[kKeyCount] = {};
  KeypadKey keypad[kKeyCount] = {};
};

constexpr Layout BuildLayout() {
  Layout layout;
  for (const Printable& p : kUsPrintable) {
    LIBK_ASSERT(layout.printable[static_cast<std::size_t>(p.key)].key == KeyCode::kNone,
                "key listed twice");
    layout.printable[static_cast<std::size_t>(p.key)] = p;
  }
  for (const KeypadKey& k : kKeypad) layout.keypad[static_cast<std::size_t>(k.key)] = k;
  return layout;
}

constexpr Layout kUsLayout = BuildLayout();

constexpr bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

libk::Optional<DecodedKey> Keyboard::Feed(std::uint8_t byte) {
  const libk::Optional<KeyEvent> event = decoder_.Feed(byte);
  if (!event) return {};
  return Process(*event);
}

libk::Optional<DecodedKey> Keyboard::Process(KeyEvent event) {
  const bool down = event.pressed;
  switch (event.code) {
    case KeyCode::kLeftShift:
      modifiers_.left_shift = down;
      return {};
    case KeyCode::kRightShift:
      modifiers_.right_shift = down;
      return {};
    case KeyCode::kLeftCtrl:
      modifiers_.left_ctrl = down;
      return {};
    case KeyCode::kRightCtrl:
      modifiers_.right_ctrl = down;
      return {};
    case KeyCode::kLeftAlt:
      modifiers_.left_alt = down;
      return {};
    case KeyCode::kRightAlt:
      modifiers_.right_alt = down;
      return {};
    case KeyCode::kCapsLock:
      if (down && !caps_lock_held_) modifiers_.caps_lock = !modifiers_.caps_lock;
      caps_lock_held_ = down;
      return {};
    case KeyCode::kNumLock:
      if (down && !num_lock_held_) modifiers_.num_lock = !modifiers_.num_lock;
      num_lock_held_ = down;
      return {};
    default:
      break;
  }
  if (!down) return {};
  const auto index = static_cast<std::size_t>(event.code);
  if (index >= kKeyCount) return {};  // Not a KeyCode the decoder makes.
  const Printable& printable = kUsLayout.printable[index];
  if (printable.key != KeyCode::kNone) {
    if (IsLetter(printable.normal)) {
      if (modifiers_.ctrl()) return DecodedKey::Unicode(printable.normal - 'a' + 1);
      const bool upper = modifiers_.shift() != modifiers_.caps_lock;
      return DecodedKey::Unicode(upper ? printable.shifted : printable.normal);
    }
    return DecodedKey::Unicode(modifiers_.shift() ? printable.shifted : printable.normal);
  }
  const KeypadKey& keypad = kUsLayout.keypad[index];
  if (keypad.key != KeyCode::kNone) {
    if (modifiers_.num_lock) return DecodedKey::Unicode(keypad.with_num_lock);
    return DecodedKey::Raw(keypad.without_num_lock);
  }
  return DecodedKey::Raw(event.code);
}

}  // namespace kernel::drivers::keyboard
