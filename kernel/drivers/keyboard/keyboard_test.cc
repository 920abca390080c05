#include "kernel/drivers/keyboard/keyboard.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "kernel/drivers/keyboard/scancode_model.h"

namespace kernel::drivers::keyboard {

// GoogleTest finds this printer by argument-dependent lookup, so it lives in the type's
// namespace with external linkage.
std::ostream& operator<<(std::ostream& os,  // NOLINT(misc-use-internal-linkage)
                         const DecodedKey& key) {
  if (key.kind() == DecodedKey::Kind::kRaw) return os << "raw " << static_cast<int>(key.raw());
  return os << "U+" << static_cast<std::uint32_t>(key.unicode());
}

namespace {

using testing::Action;
using testing::KeyClass;

// Actions with many kModifier and lock keys, so every combination of state gets exercised.
rc::Gen<Action> GenAction() {
  static const auto kAnyKey = rc::gen::elementOf(testing::ReferenceKeys());
  static const auto kModifier = rc::gen::element(
      KeyCode::kLeftShift, KeyCode::kRightShift, KeyCode::kLeftCtrl, KeyCode::kRightCtrl,
      KeyCode::kLeftAlt, KeyCode::kRightAlt, KeyCode::kCapsLock, KeyCode::kNumLock);
  return rc::gen::exec([] {
    const bool pick_modifier = *rc::gen::inRange(0, 5) < 2;
    const KeyCode key = pick_modifier ? *kModifier : (*kAnyKey).key;
    return Action{key, *rc::gen::arbitrary<bool>(), *rc::gen::inRange(0, 4)};
  });
}

std::vector<DecodedKey> ModelOutput(const std::vector<Action>& actions) {
  testing::ModelKeyboard model;
  std::vector<DecodedKey> output;
  for (const KeyEvent& event : testing::ExpectedEvents(actions)) {
    if (const std::optional<DecodedKey> key = model.Process(event)) output.push_back(*key);
  }
  return output;
}

std::vector<DecodedKey> FeedAll(Keyboard& keyboard, const std::vector<std::uint8_t>& bytes) {
  std::vector<DecodedKey> output;
  for (const std::uint8_t byte : bytes) {
    if (const libk::Optional<DecodedKey> key = keyboard.Feed(byte)) output.push_back(*key);
  }
  return output;
}

RC_GTEST_PROP(Keyboard, TypesWhatTheModelTypes, ()) {
  const auto actions = *rc::gen::container<std::vector<Action>>(GenAction());
  static const auto kSilentChunk = rc::gen::elementOf(testing::SilentChunks());
  std::vector<std::uint8_t> bytes;
  for (const Action& action : actions) {
    if (*rc::gen::inRange(0, 4) == 0) {
      const auto chunk = *kSilentChunk;
      bytes.insert(bytes.end(), chunk.begin(), chunk.end());
    }
    const auto encoded = testing::Encode(action);
    bytes.insert(bytes.end(), encoded.begin(), encoded.end());
  }
  Keyboard keyboard;
  RC_ASSERT(FeedAll(keyboard, bytes) == ModelOutput(actions));
}

// Types `text` the way a person would: Shift around upper case and shifted symbols.
std::vector<std::uint8_t> Type(const std::string& text) {
  std::vector<Action> actions;
  for (const char c : text) {
    for (const testing::KeySpec& spec : testing::ReferenceKeys()) {
      if (spec.key_class != KeyClass::kLetter && spec.key_class != KeyClass::kSymbol) continue;
      if (spec.normal != c && spec.shifted != c) continue;
      const bool shift = spec.normal != c;
      if (shift) actions.push_back({KeyCode::kLeftShift, true});
      actions.push_back({spec.key, true});
      actions.push_back({spec.key, false});
      if (shift) actions.push_back({KeyCode::kLeftShift, false});
      break;
    }
  }
  return testing::Encode(actions);
}

std::u32string Text(const std::vector<DecodedKey>& keys) {
  std::u32string text;
  for (const DecodedKey& key : keys) text += key.unicode();
  return text;
}

TEST(Keyboard, TypesAsciiText) {
  Keyboard keyboard;
  EXPECT_EQ(Text(FeedAll(keyboard, Type("Hello, World! ~{x|y}\n"))), U"Hello, World! ~{x|y}\n");
  EXPECT_EQ(keyboard.modifiers(), Modifiers{});
}

TEST(Keyboard, CapsLockTogglesOncePerPressAndOnlyAffectsLetters) {
  Keyboard keyboard;
  // Caps Lock held down with typematic repeats: one toggle.
  FeedAll(keyboard, {0x3a, 0x3a, 0xba});
  EXPECT_TRUE(keyboard.modifiers().caps_lock);
  EXPECT_EQ(Text(FeedAll(keyboard, {0x1e, 0x02})), U"A1");
  // Shift with Caps Lock: lower-case letters, shifted symbols.
  EXPECT_EQ(Text(FeedAll(keyboard, {0x36, 0x1e, 0x02, 0xb6})), U"a!");
  FeedAll(keyboard, {0x3a, 0xba});
  EXPECT_FALSE(keyboard.modifiers().caps_lock);
}

TEST(Keyboard, CtrlLetterTypesAControlCharacter) {
  Keyboard keyboard;
  EXPECT_EQ(Text(FeedAll(keyboard, {0x1d, 0x2e, 0x9d})), U"\x03");              // Ctrl+C
  EXPECT_EQ(Text(FeedAll(keyboard, {0xe0, 0x1d, 0x2a, 0x2c, 0xaa})), U"\x1a");  // RCtrl+Shift+Z
  EXPECT_EQ(Text(FeedAll(keyboard, {0x02})), U"1");  // Ctrl leaves other keys alone.
}

TEST(Keyboard, NumLockSelectsDigitsOrNavigation) {
  Keyboard keyboard;
  EXPECT_TRUE(keyboard.modifiers().num_lock);
  EXPECT_EQ(Text(FeedAll(keyboard, {0x47, 0x53, 0x37, 0xe0, 0x35})), U"7.*/");
  FeedAll(keyboard, {0x45, 0xc5});
  EXPECT_EQ(
      FeedAll(keyboard, {0x47, 0x4c, 0x53}),
      (std::vector<DecodedKey>{DecodedKey::Raw(KeyCode::kHome), DecodedKey::Raw(KeyCode::kKeypad5),
                               DecodedKey::Raw(KeyCode::kDelete)}));
}

TEST(Keyboard, FakeShiftsDoNotReleaseTheRealShift) {
  Keyboard keyboard;
  // Left Shift down; the keyboard wraps Up in a fake Shift release and re-press.
  const auto keys = FeedAll(keyboard, {0x2a, 0xe0, 0xaa, 0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0x2a, 0x1e});
  EXPECT_EQ(keys,
            (std::vector<DecodedKey>{DecodedKey::Raw(KeyCode::kUp), DecodedKey::Unicode('A')}));
  EXPECT_TRUE(keyboard.modifiers().left_shift);
  FeedAll(keyboard, {0xaa});
  EXPECT_FALSE(keyboard.modifiers().left_shift);
}

TEST(Keyboard, NonCharacterKeysAreRaw) {
  Keyboard keyboard;
  EXPECT_EQ(FeedAll(keyboard, {0x3b, 0xe0, 0x4b, 0xe0, 0x53, 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5}),
            (std::vector<DecodedKey>{DecodedKey::Raw(KeyCode::kF1), DecodedKey::Raw(KeyCode::kLeft),
                                     DecodedKey::Raw(KeyCode::kDelete),
                                     DecodedKey::Raw(KeyCode::kPause)}));
  // Alt and AltGr change nothing on the US layout, but are visible as modifiers.
  EXPECT_EQ(Text(FeedAll(keyboard, {0x38, 0xe0, 0x38, 0x1e})), U"a");
  EXPECT_TRUE(keyboard.modifiers().alt());
}

TEST(Keyboard, ReportsTheBytesItsDecoderIgnored) {
  Keyboard keyboard;
  // An unknown code (0x59, and its release) and an error byte type nothing and are counted;
  // the 'a' around them types.
  EXPECT_EQ(Text(FeedAll(keyboard, {0x59, 0x1e, 0xd9, 0xff, 0x9e})), U"a");
  EXPECT_EQ(keyboard.ignored_bytes(), 3U);
}

TEST(DecodedKeyDeathTest, RejectsTheWrongAccessor) {
  EXPECT_DEATH(DecodedKey::Raw(KeyCode::kF1).unicode(), "not a character");
  EXPECT_DEATH(DecodedKey::Unicode('a').raw(), "not a raw key");
}

}  // namespace
}  // namespace kernel::drivers::keyboard
