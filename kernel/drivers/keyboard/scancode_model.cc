#include "kernel/drivers/keyboard/scancode_model.h"

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace kernel::drivers::keyboard::testing {
namespace {

using K = KeyCode;

// A run of keys with consecutive one-byte make codes starting at `first`, and the
// characters printed on them.
struct Row {
  std::uint8_t first;
  std::vector<KeyCode> keys;
  std::string normal;
  std::string shifted;
};

const std::vector<Row>& MainRows() {
  // NOLINTNEXTLINE(readability-identifier-naming): a table built once, named as data.
  static const std::vector<Row> rows = {
      {0x02,
       {K::kDigit1, K::kDigit2, K::kDigit3, K::kDigit4, K::kDigit5, K::kDigit6, K::kDigit7,
        K::kDigit8, K::kDigit9, K::kDigit0, K::kMinus, K::kEqual},
       "1234567890-=",
       "!@#$%^&*()_+"},
      {0x10,
       {K::kQ, K::kW, K::kE, K::kR, K::kT, K::kY, K::kU, K::kI, K::kO, K::kP, K::kLeftBracket,
        K::kRightBracket},
       "qwertyuiop[]",
       "QWERTYUIOP{}"},
      {0x1e,
       {K::kA, K::kS, K::kD, K::kF, K::kG, K::kH, K::kJ, K::kK, K::kL, K::kSemicolon, K::kQuote,
        K::kBackquote},
       "asdfghjkl;'`",
       "ASDFGHJKL:\"~"},
      {0x2b,
       {K::kBackslash, K::kZ, K::kX, K::kC, K::kV, K::kB, K::kN, K::kM, K::kComma, K::kPeriod,
        K::kSlash},
       "\\zxcvbnm,./",
       "|ZXCVBNM<>?"},
  };
  return rows;
}

// The keypad block 0x47..0x53 in code order, what it types with Num Lock, and the
// navigation key sharing its code (sent with an E0 prefix by the separate block).
struct KeypadCell {
  KeyCode key;
  char digit;  // 0 for the keypad's - and +.
  KeyCode twin;
};
const std::vector<KeypadCell>& KeypadBlock() {
  // NOLINTNEXTLINE(readability-identifier-naming): a table built once, named as data.
  static const std::vector<KeypadCell> block = {
      {K::kKeypad7, '7', K::kHome},        {K::kKeypad8, '8', K::kUp},
      {K::kKeypad9, '9', K::kPageUp},      {K::kKeypadMinus, 0, K::kNone},
      {K::kKeypad4, '4', K::kLeft},        {K::kKeypad5, '5', K::kNone},
      {K::kKeypad6, '6', K::kRight},       {K::kKeypadPlus, 0, K::kNone},
      {K::kKeypad1, '1', K::kEnd},         {K::kKeypad2, '2', K::kDown},
      {K::kKeypad3, '3', K::kPageDown},    {K::kKeypad0, '0', K::kInsert},
      {K::kKeypadPeriod, '.', K::kDelete},
  };
  return block;
}

std::vector<KeySpec> BuildKeys() {
  std::vector<KeySpec> keys;
  auto add = [&keys](KeySpec spec) { keys.push_back(std::move(spec)); };
  for (const Row& row : MainRows()) {
    for (std::size_t i = 0; i < row.keys.size(); ++i) {
      const char c = row.normal[i];
      add({row.keys[i],
           {static_cast<std::uint8_t>(row.first + i)},
           (c >= 'a' && c <= 'z') ? KeyClass::kLetter : KeyClass::kSymbol,
           c,
           row.shifted[i]});
    }
  }
  auto symbol = [&add](KeyCode key, std::vector<std::uint8_t> make, char c) {
    add({key, std::move(make), KeyClass::kSymbol, c, c});
  };
  symbol(K::kEscape, {0x01}, '\x1b');
  symbol(K::kBackspace, {0x0e}, '\b');
  symbol(K::kTab, {0x0f}, '\t');
  symbol(K::kEnter, {0x1c}, '\n');
  symbol(K::kKeypadMultiply, {0x37}, '*');
  symbol(K::kSpace, {0x39}, ' ');
  add({K::kNonUsBackslash, {0x56}, KeyClass::kSymbol, '\\', '|'});
  // Keys of the right-hand side send E0 and the code of their left-hand twin.
  symbol(K::kKeypadEnter, {0xe0, 0x1c}, '\n');
  symbol(K::kKeypadDivide, {0xe0, 0x35}, '/');
  for (auto [key, make] : std::vector<std::pair<KeyCode, std::uint8_t>>{{K::kLeftShift, 0x2a},
                                                                        {K::kRightShift, 0x36},
                                                                        {K::kLeftCtrl, 0x1d},
                                                                        {K::kLeftAlt, 0x38}}) {
    add({key, {make}, KeyClass::kModifier});
  }
  add({K::kRightCtrl, {0xe0, 0x1d}, KeyClass::kModifier});
  add({K::kRightAlt, {0xe0, 0x38}, KeyClass::kModifier});
  add({K::kCapsLock, {0x3a}, KeyClass::kLock});
  add({K::kNumLock, {0x45}, KeyClass::kLock});
  const KeyCode f_keys[] = {K::kF1, K::kF2, K::kF3, K::kF4, K::kF5,
                            K::kF6, K::kF7, K::kF8, K::kF9, K::kF10};
  for (int i = 0; i < 10; ++i) {
    add({f_keys[i], {static_cast<std::uint8_t>(0x3b + i)}, KeyClass::kRaw});
  }
  add({K::kF11, {0x57}, KeyClass::kRaw});
  add({K::kF12, {0x58}, KeyClass::kRaw});
  add({K::kScrollLock, {0x46}, KeyClass::kRaw});
  add({K::kSysRq, {0x54}, KeyClass::kRaw});
  add({K::kLeftGui, {0xe0, 0x5b}, KeyClass::kRaw});
  add({K::kRightGui, {0xe0, 0x5c}, KeyClass::kRaw});
  add({K::kMenu, {0xe0, 0x5d}, KeyClass::kRaw});
  add({K::kPrintScreen, {0xe0, 0x37}, KeyClass::kRaw});
  add({K::kPause, {0xe1, 0x1d, 0x45}, KeyClass::kRaw});
  for (std::size_t i = 0; i < KeypadBlock().size(); ++i) {
    const KeypadCell& cell = KeypadBlock()[i];
    const auto code = static_cast<std::uint8_t>(0x47 + i);
    if (cell.digit == 0) {
      symbol(cell.key, {code}, cell.key == K::kKeypadMinus ? '-' : '+');
      continue;
    }
    add({cell.key,
         {code},
         KeyClass::kKeypad,
         cell.digit,
         0,
         cell.twin == K::kNone ? cell.key : cell.twin});
    if (cell.twin != K::kNone) {
      add({cell.twin, {0xe0, code}, KeyClass::kRaw, 0, 0, K::kNone, /*navigation=*/true});
    }
  }
  return keys;
}

}  // namespace

const std::vector<KeySpec>& ReferenceKeys() {
  // NOLINTNEXTLINE(readability-identifier-naming): a table built once, named as data.
  static const std::vector<KeySpec> keys = BuildKeys();
  return keys;
}

const KeySpec& SpecOf(KeyCode key) {
  for (const KeySpec& spec : ReferenceKeys()) {
    if (spec.key == key) return spec;
  }
  throw std::invalid_argument("key not in the reference table");
}

std::ostream& operator<<(std::ostream& os, const Action& action) {
  return os << (action.pressed ? "press" : "release") << " key " << static_cast<int>(action.key)
            << " (variant " << action.variant << ")";
}

std::vector<std::uint8_t> Encode(const Action& action) {
  const KeySpec& spec = SpecOf(action.key);
  if (action.key == K::kPause) {
    if (action.variant % 2 == 1) {
      return {0xe0, action.pressed ? std::uint8_t{0x46} : std::uint8_t{0xc6}};
    }
    // Without Ctrl, Pause has no release code: the press sends both halves.
    if (!action.pressed) return {};
    return {0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5};
  }
  std::vector<std::uint8_t> bytes = spec.make;
  if (!action.pressed) bytes.back() |= 0x80;
  // Fake shifts: (before make, after break) pairs that keyboards really send.
  static const std::vector<std::uint8_t> kBefore[] = {{}, {0xe0, 0x2a}, {0xe0, 0xaa}, {0xe0, 0xb6}};
  static const std::vector<std::uint8_t> kAfter[] = {{}, {0xe0, 0xaa}, {0xe0, 0x2a}, {0xe0, 0x36}};
  if (spec.navigation || action.key == K::kPrintScreen) {
    const auto& extra = action.pressed ? kBefore[action.variant] : kAfter[action.variant];
    bytes.insert(action.pressed ? bytes.begin() : bytes.end(), extra.begin(), extra.end());
  }
  return bytes;
}

std::vector<std::uint8_t> Encode(const std::vector<Action>& actions) {
  std::vector<std::uint8_t> bytes;
  for (const Action& action : actions) {
    const auto more = Encode(action);
    bytes.insert(bytes.end(), more.begin(), more.end());
  }
  return bytes;
}

std::vector<KeyEvent> ExpectedEvents(const std::vector<Action>& actions) {
  std::vector<KeyEvent> events;
  for (const Action& action : actions) {
    if (action.key == K::kPause && action.variant % 2 == 0) {
      if (action.pressed) {
        events.push_back({K::kPause, true});
        events.push_back({K::kPause, false});
      }
      continue;
    }
    events.push_back({action.key, action.pressed});
  }
  return events;
}

const std::vector<std::vector<std::uint8_t>>& SilentChunks() {
  // NOLINTNEXTLINE(readability-identifier-naming): a table built once, named as data.
  static const std::vector<std::vector<std::uint8_t>> chunks = [] {
    std::set<int> base;
    std::set<int> extended;
    for (const KeySpec& spec : ReferenceKeys()) {
      if (spec.make.size() == 1) base.insert(spec.make[0]);
      if (spec.make.size() == 2) extended.insert(spec.make[1]);
    }
    extended.insert(0x46);  // Ctrl+Pause.
    auto is_special = [](int b) { return b == 0xe0 || b == 0xe1 || b == 0x00 || b == 0xff; };
    std::vector<std::vector<std::uint8_t>> result = {{0x00}, {0xff}};
    for (int b = 0; b < 256; ++b) {
      if (is_special(b)) continue;
      const auto byte = static_cast<std::uint8_t>(b);
      if (!base.contains(b & 0x7f)) {
        result.push_back({byte});
        if (b != 0x1d && b != 0x9d) result.push_back({0xe1, byte});  // Abandoned Pause.
        result.push_back({0xe1, 0x1d, byte});
      }
      if (!extended.contains(b & 0x7f)) result.push_back({0xe0, byte});  // Fake shifts too.
    }
    return result;
  }();
  return chunks;
}

bool ModelKeyboard::Held(KeyCode key) const { return std::ranges::find(held_, key) != held_.end(); }

std::optional<DecodedKey> ModelKeyboard::Process(const KeyEvent& event) {
  const KeySpec& spec = SpecOf(event.code);
  if (spec.key_class == KeyClass::kModifier || spec.key_class == KeyClass::kLock) {
    if (event.pressed && !Held(event.code)) {
      if (event.code == K::kCapsLock) caps_lock_ = !caps_lock_;
      if (event.code == K::kNumLock) num_lock_ = !num_lock_;
      held_.push_back(event.code);
    }
    if (!event.pressed) {
      std::erase(held_, event.code);
    }
    return std::nullopt;
  }
  if (!event.pressed) return std::nullopt;
  const bool shift = Held(K::kLeftShift) || Held(K::kRightShift);
  const bool ctrl = Held(K::kLeftCtrl) || Held(K::kRightCtrl);
  switch (spec.key_class) {
    case KeyClass::kLetter:
      if (ctrl) return DecodedKey::Unicode(static_cast<char32_t>(spec.normal & 0x1f));
      return DecodedKey::Unicode((shift ^ caps_lock_) ? spec.shifted : spec.normal);
    case KeyClass::kSymbol:
      return DecodedKey::Unicode(shift ? spec.shifted : spec.normal);
    case KeyClass::kKeypad:
      return num_lock_ ? DecodedKey::Unicode(spec.normal) : DecodedKey::Raw(spec.without_num_lock);
    default:
      return DecodedKey::Raw(event.code);
  }
}

}  // namespace kernel::drivers::keyboard::testing
