// Fuzzes the scancode set 1 decoder and the keyboard layer against the reference model
// (scancode_model.h). The input is read as a script of steps: a key action (encoded as a
// keyboard would send it), a chunk that must decode to nothing, or raw garbage followed by
// a way back to sync. After actions and silent chunks the decoder's events must be exactly
// the model's; after garbage every event must name a real key, and the decoder must be
// idle again after an error byte or two bytes that are not prefixes. The keyboard layer is
// fed the same bytes throughout and must type what the model keyboard types for the
// decoder's events.
//
// Input script, one step after another (tools/fuzz/byte_reader.h): a step byte, then
//   0, 1: key index, pressed (odd), variant    -> the bytes the model encodes
//   2:    silent chunk index                    -> a chunk that must decode to nothing
//   3:    length, bytes, how to resync, (bytes) -> garbage, then an error byte (resync odd:
//         0x00 or 0xFF by the next byte) or two bytes that are not prefixes
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <span>
#include <vector>

#include "libk/result/optional.h"

#include "kernel/drivers/keyboard/key_code.h"
#include "kernel/drivers/keyboard/keyboard.h"
#include "kernel/drivers/keyboard/scancode_model.h"
#include "kernel/drivers/keyboard/scancode_set1.h"
#include "tools/fuzz/byte_reader.h"

namespace kernel::drivers::keyboard {
namespace {

// Stops the run with `what`; libFuzzer records the input as a crash.
void Require(bool condition, const char* what) {
  if (condition) return;
  (void)std::fprintf(stderr, "scancode fuzzer: %s\n", what);
  std::abort();
}

bool IsPrefix(std::uint8_t byte) { return byte == 0xe0 || byte == 0xe1; }

// The decoder, the keyboard and the model keyboard, fed in step.
class Harness {
 public:
  // Feeds `bytes` to the decoder and the keyboard; returns the decoder's events and checks
  // that the keyboard typed what the model types for them.
  std::vector<KeyEvent> Feed(const std::vector<std::uint8_t>& bytes) {
    std::vector<KeyEvent> events;
    std::vector<DecodedKey> typed;
    for (const std::uint8_t byte : bytes) {
      if (const libk::Optional<KeyEvent> event = decoder_.Feed(byte)) {
        Require(event->code != KeyCode::kNone && event->code < KeyCode::kCount,
                "the decoder emitted an invalid key");
        events.push_back(*event);
      }
      if (const libk::Optional<DecodedKey> key = keyboard_.Feed(byte)) typed.push_back(*key);
    }
    std::vector<DecodedKey> expected;
    for (const KeyEvent& event : events) {
      if (const std::optional<DecodedKey> key = model_.Process(event)) expected.push_back(*key);
    }
    Require(typed == expected, "the keyboard typed other keys than the model keyboard");
    return events;
  }

  const Decoder& decoder() const { return decoder_; }

 private:
  Decoder decoder_;
  Keyboard keyboard_;
  testing::ModelKeyboard model_;
};

void Run(keel::fuzz::ByteReader& input) {
  const std::vector<testing::KeySpec>& keys = testing::ReferenceKeys();
  const std::vector<std::vector<std::uint8_t>>& silent = testing::SilentChunks();
  Harness harness;
  while (!input.empty()) {
    switch (input.Byte() % 4) {
      case 0:
      case 1: {  // A key action, exactly as the model encodes it.
        const testing::Action action{.key = keys[input.Below(keys.size())].key,
                                     .pressed = input.Bool(),
                                     .variant = static_cast<int>(input.Below(4))};
        Require(harness.Feed(testing::Encode(action)) == testing::ExpectedEvents({action}),
                "an encoded action decoded to other events than the model's");
        break;
      }
      case 2: {  // A chunk that must change nothing.
        Require(harness.Feed(silent[input.Below(silent.size())]).empty(),
                "a silent chunk produced an event");
        Require(harness.decoder().idle(), "a silent chunk left a sequence in progress");
        break;
      }
      default: {  // Garbage, then a way back to sync.
        std::vector<std::uint8_t> garbage = input.Bytes(1 + input.Below(16));
        if (input.Bool()) {
          garbage.push_back(input.Bool() ? 0xff : 0x00);  // An error byte.
        } else {
          for (int i = 0; i < 2; ++i) {  // Two bytes that are not prefixes.
            const std::uint8_t byte = input.Byte();
            garbage.push_back(IsPrefix(byte) ? 0x1e : byte);
          }
        }
        harness.Feed(garbage);
        Require(harness.decoder().idle(), "the decoder did not resynchronise after garbage");
        break;
      }
    }
  }
}

}  // namespace
}  // namespace kernel::drivers::keyboard

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  keel::fuzz::ByteReader input(std::span(data, size));
  kernel::drivers::keyboard::Run(input);
  return 0;
}
