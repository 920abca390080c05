// Physical keys of a PC keyboard and the press/release events the scancode decoder turns
// bytes into. A KeyCode names a key by position (US labels), not by the character it
// types; the Keyboard layer maps keys to characters.
#pragma once

#include <cstdint>

namespace kernel::drivers::keyboard {

// A physical key. kNone marks empty table slots and never appears in an event.
enum class KeyCode : std::uint8_t {
  kNone,
  // Main block, row by row.
  kEscape,
  kBackquote,
  kDigit1,
  kDigit2,
  kDigit3,
  kDigit4,
  kDigit5,
  kDigit6,
  kDigit7,
  kDigit8,
  kDigit9,
  kDigit0,
  kMinus,
  kEqual,
  kBackspace,
  kTab,
  kQ,
  kW,
  kE,
  kR,
  kT,
  kY,
  kU,
  kI,
  kO,
  kP,
  kLeftBracket,
  kRightBracket,
  kBackslash,
  kCapsLock,
  kA,
  kS,
  kD,
  kF,
  kG,
  kH,
  kJ,
  kK,
  kL,
  kSemicolon,
  kQuote,
  kEnter,
  kLeftShift,
  kNonUsBackslash,  // The extra key left of Z on ISO keyboards.
  kZ,
  kX,
  kC,
  kV,
  kB,
  kN,
  kM,
  kComma,
  kPeriod,
  kSlash,
  kRightShift,
  kLeftCtrl,
  kLeftGui,
  kLeftAlt,
  kSpace,
  kRightAlt,
  kRightGui,
  kMenu,
  kRightCtrl,
  // Function row.
  kF1,
  kF2,
  kF3,
  kF4,
  kF5,
  kF6,
  kF7,
  kF8,
  kF9,
  kF10,
  kF11,
  kF12,
  kPrintScreen,
  kSysRq,  // Alt+PrintScreen.
  kScrollLock,
  kPause,  // Also Ctrl+Pause (Break).
  // Navigation block.
  kInsert,
  kDelete,
  kHome,
  kEnd,
  kPageUp,
  kPageDown,
  kUp,
  kDown,
  kLeft,
  kRight,
  // Keypad.
  kNumLock,
  kKeypadDivide,
  kKeypadMultiply,
  kKeypadMinus,
  kKeypadPlus,
  kKeypadEnter,
  kKeypadPeriod,
  kKeypad0,
  kKeypad1,
  kKeypad2,
  kKeypad3,
  kKeypad4,
  kKeypad5,
  kKeypad6,
  kKeypad7,
  kKeypad8,
  kKeypad9,
  kCount,  // The number of KeyCode values; not a key.
};

// A key going down (pressed, including typematic repeats) or up.
struct KeyEvent {
  KeyCode code = KeyCode::kNone;
  bool pressed = false;

  constexpr bool operator==(const KeyEvent&) const = default;
};

}  // namespace kernel::drivers::keyboard
