#include "kernel/drivers/keyboard/scancode_set1.h"

#include <cstddef>
#include <cstdint>

#include "libk/panic/panic.h"

namespace kernel::drivers::keyboard {
namespace {

constexpr std::uint8_t kExtendedPrefix = 0xe0;
constexpr std::uint8_t kPausePrefix = 0xe1;
constexpr std::uint8_t kReleaseBit = 0x80;

struct Entry {
  std::uint8_t make_code;
  KeyCode key;
};

// One-byte make codes (IBM PC/AT; OSDev "PS/2 Keyboard", scan code set 1).
constexpr Entry kBaseEntries[] = {
    {0x01, KeyCode::kEscape},
    {0x02, KeyCode::kDigit1},
    {0x03, KeyCode::kDigit2},
    {0x04, KeyCode::kDigit3},
    {0x05, KeyCode::kDigit4},
    {0x06, KeyCode::kDigit5},
    {0x07, KeyCode::kDigit6},
    {0x08, KeyCode::kDigit7},
    {0x09, KeyCode::kDigit8},
    {0x0a, KeyCode::kDigit9},
    {0x0b, KeyCode::kDigit0},
    {0x0c, KeyCode::kMinus},
    {0x0d, KeyCode::kEqual},
    {0x0e, KeyCode::kBackspace},
    {0x0f, KeyCode::kTab},
    {0x10, KeyCode::kQ},
    {0x11, KeyCode::kW},
    {0x12, KeyCode::kE},
    {0x13, KeyCode::kR},
    {0x14, KeyCode::kT},
    {0x15, KeyCode::kY},
    {0x16, KeyCode::kU},
    {0x17, KeyCode::kI},
    {0x18, KeyCode::kO},
    {0x19, KeyCode::kP},
    {0x1a, KeyCode::kLeftBracket},
    {0x1b, KeyCode::kRightBracket},
    {0x1c, KeyCode::kEnter},
    {0x1d, KeyCode::kLeftCtrl},
    {0x1e, KeyCode::kA},
    {0x1f, KeyCode::kS},
    {0x20, KeyCode::kD},
    {0x21, KeyCode::kF},
    {0x22, KeyCode::kG},
    {0x23, KeyCode::kH},
    {0x24, KeyCode::kJ},
    {0x25, KeyCode::kK},
    {0x26, KeyCode::kL},
    {0x27, KeyCode::kSemicolon},
    {0x28, KeyCode::kQuote},
    {0x29, KeyCode::kBackquote},
    {0x2a, KeyCode::kLeftShift},
    {0x2b, KeyCode::kBackslash},
    {0x2c, KeyCode::kZ},
    {0x2d, KeyCode::kX},
    {0x2e, KeyCode::kC},
    {0x2f, KeyCode::kV},
    {0x30, KeyCode::kB},
    {0x31, KeyCode::kN},
    {0x32, KeyCode::kM},
    {0x33, KeyCode::kComma},
    {0x34, KeyCode::kPeriod},
    {0x35, KeyCode::kSlash},
    {0x36, KeyCode::kRightShift},
    {0x37, KeyCode::kKeypadMultiply},
    {0x38, KeyCode::kLeftAlt},
    {0x39, KeyCode::kSpace},
    {0x3a, KeyCode::kCapsLock},
    {0x3b, KeyCode::kF1},
    {0x3c, KeyCode::kF2},
    {0x3d, KeyCode::kF3},
    {0x3e, KeyCode::kF4},
    {0x3f, KeyCode::kF5},
    {0x40, KeyCode::kF6},
    {0x41, KeyCode::kF7},
    {0x42, KeyCode::kF8},
    {0x43, KeyCode::kF9},
    {0x44, KeyCode::kF10},
    {0x45, KeyCode::kNumLock},
    {0x46, KeyCode::kScrollLock},
    {0x47, KeyCode::kKeypad7},
    {0x48, KeyCode::kKeypad8},
    {0x49, KeyCode::kKeypad9},
    {0x4a, KeyCode::kKeypadMinus},
    {0x4b, KeyCode::kKeypad4},
    {0x4c, KeyCode::kKeypad5},
    {0x4d, KeyCode::kKeypad6},
    {0x4e, KeyCode::kKeypadPlus},
    {0x4f, KeyCode::kKeypad1},
    {0x50, KeyCode::kKeypad2},
    {0x51, KeyCode::kKeypad3},
    {0x52, KeyCode::kKeypad0},
    {0x53, KeyCode::kKeypadPeriod},
    {0x54, KeyCode::kSysRq},
    {0x56, KeyCode::kNonUsBackslash},
    {0x57, KeyCode::kF11},
    {0x58, KeyCode::kF12},
};

// E0-prefixed make codes. E0 2A / E0 36 (fake shifts) are deliberately absent.
constexpr Entry kExtendedEntries[] = {
    {0x1c, KeyCode::kKeypadEnter}, {0x1d, KeyCode::kRightCtrl}, {0x35, KeyCode::kKeypadDivide},
    {0x37, KeyCode::kPrintScreen}, {0x38, KeyCode::kRightAlt},  {0x46, KeyCode::kPause},
    {0x47, KeyCode::kHome},        {0x48, KeyCode::kUp},        {0x49, KeyCode::kPageUp},
    {0x4b, KeyCode::kLeft},        {0x4d, KeyCode::kRight},     {0x4f, KeyCode::kEnd},
    {0x50, KeyCode::kDown},        {0x51, KeyCode::kPageDown},  {0x52, KeyCode::kInsert},
    {0x53, KeyCode::kDelete},      {0x5b, KeyCode::kLeftGui},   {0x5c, KeyCode::kRightGui},
    {0x5d, KeyCode::kMenu},
};

// A direct-lookup table: make code -> key.
struct Table {
  KeyCode keys[0x80] = {};
};

template <std::size_t N>
constexpr Table BuildTable(const Entry (&entries)[N]) {
  Table table;
  for (const Entry& entry : entries) {
    // A duplicate or out-of-range code fails the build (a panic is not a constant).
    LIBK_ASSERT(entry.make_code != 0 && entry.make_code < 0x80, "make code out of range");
    LIBK_ASSERT(table.keys[entry.make_code] == KeyCode::kNone, "duplicate make code");
    table.keys[entry.make_code] = entry.key;
  }
  return table;
}

constexpr Table kBaseTable = BuildTable(kBaseEntries);
constexpr Table kExtendedTable = BuildTable(kExtendedEntries);

// Returns the make code of `byte` (its release bit cleared).
constexpr std::uint8_t MakeCode(std::uint8_t byte) {
  return static_cast<std::uint8_t>(byte & ~kReleaseBit);
}

constexpr bool IsFakeShift(std::uint8_t make_code) {
  return make_code == 0x2a || make_code == 0x36;
}

// Returns the event for `key` with the release bit of `byte`, or nothing for kNone.
constexpr libk::Optional<KeyEvent> EventFor(KeyCode key, std::uint8_t byte) {
  if (key == KeyCode::kNone) return {};
  return KeyEvent{key, (byte & kReleaseBit) == 0};
}

}  // namespace

KeyCode BaseKey(std::uint8_t make_code) {
  return make_code < 0x80 ? kBaseTable.keys[make_code] : KeyCode::kNone;
}

KeyCode ExtendedKey(std::uint8_t make_code) {
  return make_code < 0x80 ? kExtendedTable.keys[make_code] : KeyCode::kNone;
}

libk::Optional<KeyEvent> Decoder::Feed(std::uint8_t byte) {
  if (byte == 0x00 || byte == 0xff) {  // Keyboard error or buffer overrun.
    Reset();
    ++ignored_;
    return {};
  }
  switch (state_) {
    case State::kIdle:
      return FeedIdle(byte);
    case State::kExtended:
      return FeedExtended(byte);
    case State::kPause:
      if (MakeCode(byte) == 0x1d) {
        pause_release_ = (byte & kReleaseBit) != 0;
        state_ = State::kPauseSecond;
        return {};
      }
      state_ = State::kIdle;
      return FeedIdle(byte);
    case State::kPauseSecond:
      state_ = State::kIdle;
      if (MakeCode(byte) == 0x45 && ((byte & kReleaseBit) != 0) == pause_release_) {
        return KeyEvent{KeyCode::kPause, !pause_release_};
      }
      return FeedIdle(byte);
  }
  return {};
}

libk::Optional<KeyEvent> Decoder::FeedIdle(std::uint8_t byte) {
  if (byte == kExtendedPrefix) {
    state_ = State::kExtended;
    return {};
  }
  if (byte == kPausePrefix) {
    state_ = State::kPause;
    return {};
  }
  return EventOrIgnore(BaseKey(MakeCode(byte)), byte);
}

libk::Optional<KeyEvent> Decoder::FeedExtended(std::uint8_t byte) {
  state_ = State::kIdle;
  if (byte == kExtendedPrefix || byte == kPausePrefix) return FeedIdle(byte);  // Restart.
  const std::uint8_t make_code = MakeCode(byte);
  if (IsFakeShift(make_code)) return {};
  return EventOrIgnore(ExtendedKey(make_code), byte);
}

libk::Optional<KeyEvent> Decoder::EventOrIgnore(KeyCode key, std::uint8_t byte) {
  if (key == KeyCode::kNone) ++ignored_;
  return EventFor(key, byte);
}

}  // namespace kernel::drivers::keyboard
