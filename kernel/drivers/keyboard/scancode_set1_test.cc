#include "kernel/drivers/keyboard/scancode_set1.h"

#include <cstdint>
#include <ostream>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "kernel/drivers/keyboard/scancode_model.h"

namespace kernel::drivers::keyboard {

// GoogleTest finds this printer by argument-dependent lookup, so it lives in the type's
// namespace with external linkage.
std::ostream& operator<<(std::ostream& os,  // NOLINT(misc-use-internal-linkage)
                         const KeyEvent& event) {
  return os << (event.pressed ? "+" : "-") << static_cast<int>(event.code);
}

namespace {

using testing::Action;
using testing::Encode;
using testing::ExpectedEvents;

rc::Gen<Action> GenAction() {
  return rc::gen::exec([] {
    const testing::KeySpec spec = *rc::gen::elementOf(testing::ReferenceKeys());
    return Action{spec.key, *rc::gen::arbitrary<bool>(), *rc::gen::inRange(0, 4)};
  });
}

rc::Gen<std::vector<Action>> GenActions() {
  return rc::gen::container<std::vector<Action>>(GenAction());
}

// Random bytes, rich in prefixes and in the bytes that continue them.
rc::Gen<std::vector<std::uint8_t>> GenGarbage() {
  return rc::gen::container<std::vector<std::uint8_t>>(rc::gen::weightedOneOf<std::uint8_t>({
      {3, rc::gen::arbitrary<std::uint8_t>()},
      {1, rc::gen::element<std::uint8_t>(0xe0, 0xe1, 0x1d, 0x9d, 0x45, 0xc5, 0x2a, 0xaa, 0x00)},
  }));
}

// Feeds `bytes` to `decoder` and returns the events it produced.
std::vector<KeyEvent> FeedAll(Decoder& decoder, const std::vector<std::uint8_t>& bytes) {
  std::vector<KeyEvent> events;
  for (const std::uint8_t byte : bytes) {
    if (const libk::Optional<KeyEvent> event = decoder.Feed(byte)) events.push_back(*event);
  }
  return events;
}

RC_GTEST_PROP(Decoder, DecodesEncodedActions, ()) {
  const auto actions = *GenActions();
  Decoder decoder;
  RC_ASSERT(FeedAll(decoder, Encode(actions)) == ExpectedEvents(actions));
  RC_ASSERT(decoder.idle());
  RC_ASSERT(decoder.ignored() == 0U);
}

// Whether `chunk` is one of the fake shifts wrapped around navigation keys (E0 2A, E0 AA,
// E0 36, E0 B6), which belong to their key and are not counted as ignored.
bool IsFakeShiftChunk(const std::vector<std::uint8_t>& chunk) {
  return chunk.size() == 2 && chunk[0] == 0xe0 &&
         ((chunk[1] & 0x7f) == 0x2a || (chunk[1] & 0x7f) == 0x36);
}

RC_GTEST_PROP(Decoder, SilentChunksBetweenActionsChangeNothing, ()) {
  const auto actions = *GenActions();
  std::vector<std::uint8_t> bytes;
  std::uint64_t unknown = 0;  // Each silent chunk but a fake shift holds one unknown byte.
  for (const Action& action : actions) {
    const int chunks = *rc::gen::inRange(0, 3);
    for (int i = 0; i < chunks; ++i) {
      static const auto kSilentChunk = rc::gen::elementOf(testing::SilentChunks());
      const auto chunk = *kSilentChunk;
      bytes.insert(bytes.end(), chunk.begin(), chunk.end());
      if (!IsFakeShiftChunk(chunk)) ++unknown;
    }
    const auto encoded = Encode(action);
    bytes.insert(bytes.end(), encoded.begin(), encoded.end());
  }
  Decoder decoder;
  RC_ASSERT(FeedAll(decoder, bytes) == ExpectedEvents(actions));
  RC_ASSERT(decoder.ignored() == unknown);
}

RC_GTEST_PROP(Decoder, NeverEmitsAnInvalidKey, ()) {
  const auto garbage = *GenGarbage();
  Decoder decoder;
  for (const KeyEvent& event : FeedAll(decoder, garbage)) {
    RC_ASSERT(event.code != KeyCode::kNone);
    RC_ASSERT(event.code < KeyCode::kCount);
  }
}

// Recovery: an error byte (0x00 or 0xFF) after any garbage resynchronizes exactly.
RC_GTEST_PROP(Decoder, ErrorByteResynchronizes, ()) {
  const auto garbage = *GenGarbage();
  const auto actions = *GenActions();
  Decoder decoder;
  FeedAll(decoder, garbage);
  FeedAll(decoder, {*rc::gen::element<std::uint8_t>(0x00, 0xff)});
  RC_ASSERT(decoder.idle());
  RC_ASSERT(FeedAll(decoder, Encode(actions)) == ExpectedEvents(actions));
}

// Recovery without help: no prefix outlives two bytes that are not prefixes themselves.
RC_GTEST_PROP(Decoder, NoStuckPrefix, ()) {
  const auto garbage = *GenGarbage();
  const auto not_prefix = rc::gen::suchThat(rc::gen::arbitrary<std::uint8_t>(),
                                            [](std::uint8_t b) { return b != 0xe0 && b != 0xe1; });
  Decoder decoder;
  FeedAll(decoder, garbage);
  FeedAll(decoder, {*not_prefix, *not_prefix});
  RC_ASSERT(decoder.idle());
}

// Recovery: an idle decoder carries nothing over from the garbage before.
RC_GTEST_PROP(Decoder, IdleAfterGarbageMeansFresh, ()) {
  const auto garbage = *GenGarbage();
  const auto actions = *GenActions();
  Decoder decoder;
  FeedAll(decoder, garbage);
  RC_PRE(decoder.idle());
  RC_ASSERT(FeedAll(decoder, Encode(actions)) == ExpectedEvents(actions));
}

// Recovery: garbage right before valid input damages at most its first two actions.
RC_GTEST_PROP(Decoder, GarbageDamagesAtMostTwoActions, ()) {
  const auto garbage = *GenGarbage();
  const auto actions = *GenActions();
  Decoder decoder;
  FeedAll(decoder, garbage);
  const std::vector<KeyEvent> events = FeedAll(decoder, Encode(actions));
  const auto skipped = static_cast<std::ptrdiff_t>(std::min<std::size_t>(2, actions.size()));
  const std::vector<Action> undamaged(actions.begin() + skipped, actions.end());
  const std::vector<KeyEvent> expected = ExpectedEvents(undamaged);
  RC_ASSERT(events.size() >= expected.size());
  RC_ASSERT(std::vector<KeyEvent>(events.end() - expected.size(), events.end()) == expected);
}

TEST(Decoder, KnownSequences) {
  Decoder decoder;
  EXPECT_EQ(FeedAll(decoder, {0x1e, 0x9e}),
            (std::vector<KeyEvent>{{KeyCode::kA, true}, {KeyCode::kA, false}}));
  EXPECT_EQ(FeedAll(decoder, {0xe0, 0x48, 0xe0, 0xc8}),
            (std::vector<KeyEvent>{{KeyCode::kUp, true}, {KeyCode::kUp, false}}));
  EXPECT_EQ(FeedAll(decoder, {0xe0, 0x2a, 0xe0, 0x37, 0xe0, 0xb7, 0xe0, 0xaa}),
            (std::vector<KeyEvent>{{KeyCode::kPrintScreen, true}, {KeyCode::kPrintScreen, false}}));
  EXPECT_EQ(FeedAll(decoder, {0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5}),
            (std::vector<KeyEvent>{{KeyCode::kPause, true}, {KeyCode::kPause, false}}));
  EXPECT_EQ(FeedAll(decoder, {0xe0, 0x46, 0xe0, 0xc6}),  // Ctrl+Pause.
            (std::vector<KeyEvent>{{KeyCode::kPause, true}, {KeyCode::kPause, false}}));
  EXPECT_EQ(FeedAll(decoder, {0xe0, 0x1d, 0xe0, 0x38, 0xe0, 0x1c, 0xe0, 0x35}),
            (std::vector<KeyEvent>{{KeyCode::kRightCtrl, true},
                                   {KeyCode::kRightAlt, true},
                                   {KeyCode::kKeypadEnter, true},
                                   {KeyCode::kKeypadDivide, true}}));
  // An unknown extended code is dropped and the byte after it decodes normally.
  EXPECT_EQ(FeedAll(decoder, {0xe0, 0x7f, 0x1e}), (std::vector<KeyEvent>{{KeyCode::kA, true}}));
  // A broken Pause sequence gives way to the keys that follow it.
  EXPECT_EQ(FeedAll(decoder, {0xe1, 0x1e, 0xe1, 0x1d, 0x30}),
            (std::vector<KeyEvent>{{KeyCode::kA, true}, {KeyCode::kB, true}}));
  EXPECT_TRUE(decoder.idle());
}

TEST(Decoder, ControllerRepliesDecodeToNothing) {
  Decoder decoder;
  EXPECT_TRUE(FeedAll(decoder, {0xfa, 0xfe, 0xee, 0xfc, 0xfd}).empty());
  EXPECT_EQ(decoder.ignored(), 5U);
}

TEST(Decoder, CountsWhatItIgnores) {
  Decoder decoder;
  // Error bytes, an unknown plain code (0x59) and an unknown extended one (E0 5E, a
  // power key) count; prefixes, known keys and fake shifts do not.
  FeedAll(decoder, {0x00, 0xff, 0x59, 0xd9, 0xe0, 0x5e, 0x1e, 0x9e, 0xe0, 0x2a, 0xe0, 0x48});
  EXPECT_EQ(decoder.ignored(), 5U);
}

}  // namespace
}  // namespace kernel::drivers::keyboard
