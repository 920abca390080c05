// async_key_flood: while the reading task sleeps until the keys stop, the runner types
// more keys than the scancode queue holds; the IRQ handler drops and counts what does not fit. The
// task then prints the count and still reads the keys typed afterwards.
#include <cstddef>

#include "libk/async/sleep.h"
#include "libk/async/task.h"
#include "libk/fmt/string_view.h"
#include "libk/panic/panic.h"
#include "libk/result/optional.h"

#include "kernel/async/runtime.h"
#include "kernel/async/streams.h"
#include "kernel/console/print.h"
#include "kernel/input/keyboard.h"
#include "kernel/main.h"
#include "tests/integration/async_boot.h"

namespace kernel {
namespace {

using drivers::keyboard::DecodedKey;

libk::async::Task<void> Flood(async::KeyboardStream* keys, bool* done) {
  kprintln("async_key_flood: ready");
  // 60 keys at 50 ms each take 3 s or more (each is a QMP round trip, slow on a loaded
  // machine); the queue holds 32 keys (64 scancodes). The flood is over when scancodes
  // have been received and none has come for 1.5 s: a fixed sleep would let late flood
  // keys in after "type now" on a slow runner.
  std::uint64_t seen = 0;
  for (;;) {
    co_await libk::async::Sleep(async::Milliseconds(1500));
    const std::uint64_t now = input::ScancodesReceived();
    if (now != 0 && now == seen) break;
    seen = now;
  }
  const std::uint64_t overflows = keys->overflows();
  kprintln("async_key_flood: {} scancodes dropped; type now", overflows);
  LIBK_ASSERT(overflows > 0, "the flood did not overflow the scancode queue");
  char line[128];
  std::size_t length = 0;
  while (const libk::Optional<DecodedKey> key = co_await keys->NextKey()) {
    if (key->kind() != DecodedKey::Kind::kUnicode) continue;
    if (key->unicode() == '\n') break;
    if (length < sizeof(line)) line[length++] = static_cast<char>(key->unicode());
  }
  kprintln("async_key_flood: read {} characters, ending '{}'", length,
           libk::StringView(line + (length >= 2 ? length - 2 : 0), length >= 2 ? 2 : length));
  LIBK_ASSERT(length <= async::KeyboardStream::kCapacity / 2 + 2, "more keys than fit: {}", length);
  *done = true;
}

}  // namespace

void Main(const libk::multiboot2::Info& boot_info) {
  static_cast<void>(async_boot::Boot(boot_info));
  async::KernelExecutor runtime;  // Lives for good: Main never returns.
  const auto keys = async::KeyboardStream::Start();
  LIBK_ASSERT(keys.is_ok(), "keyboard: {}", libk::ErrorName(keys.error()));
  bool done = false;
  LIBK_ASSERT(runtime.executor().Spawn(Flood(keys.value(), &done)).is_ok(), "spawn failed");
  runtime.RunUntil([&done] { return done; });
  async_boot::Finish(true);
}

}  // namespace kernel
