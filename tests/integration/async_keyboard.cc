// async_keyboard: the IRQ 1 handler only queues raw scancodes; a task decodes them and
// echoes each character on serial and screen, and prints the line at Enter. The runner
// types the keys (QMP send-key) and checks serial and the VGA rows.
#include <cstddef>

#include "libk/async/task.h"
#include "libk/fmt/string_view.h"
#include "libk/panic/panic.h"
#include "libk/result/optional.h"

#include "kernel/async/runtime.h"
#include "kernel/async/streams.h"
#include "kernel/console/print.h"
#include "kernel/main.h"
#include "tests/integration/async_boot.h"

namespace kernel {
namespace {

using drivers::keyboard::DecodedKey;

libk::async::Task<void> EchoLines(async::KeyboardStream* keys) {
  char line[80];
  std::size_t length = 0;
  while (const libk::Optional<DecodedKey> key = co_await keys->NextKey()) {
    if (key->kind() != DecodedKey::Kind::kUnicode) continue;
    const char32_t c = key->unicode();
    if (c == '\n') {
      kprintln("");
      kprintln("async_keyboard: line '{}' (overflows {})", libk::StringView(line, length),
               keys->overflows());
      length = 0;
    } else if (c >= 0x20 && c < 0x7f && length < sizeof(line)) {
      kprint("{}", static_cast<char>(c));
      line[length++] = static_cast<char>(c);
    }
  }
}

}  // namespace

void Main(const libk::multiboot2::Info& boot_info) {
  static_cast<void>(async_boot::Boot(boot_info));
  async::KernelExecutor runtime;  // Lives for good: Main never returns.
  const auto keys = async::KeyboardStream::Start();
  LIBK_ASSERT(keys.is_ok(), "keyboard: {}", libk::ErrorName(keys.error()));
  const auto spawned = runtime.executor().Spawn(EchoLines(keys.value()));
  LIBK_ASSERT(spawned.is_ok(), "spawn failed");
  kprintln("async_keyboard: ready");
  runtime.RunUntil([] { return false; });
  LIBK_PANIC("the run loop returned");
}

}  // namespace kernel
