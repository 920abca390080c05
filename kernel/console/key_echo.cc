#include "kernel/console/key_echo.h"

#include "kernel/console/print.h"

namespace kernel::console {

void EchoKey(drivers::keyboard::DecodedKey key) {
  if (key.kind() != drivers::keyboard::DecodedKey::Kind::kUnicode) return;
  const char32_t c = key.unicode();
  if (c == '\n' || (c >= 0x20 && c < 0x7f)) {
    kprint("{}", static_cast<char>(c));
  }
}

}  // namespace kernel::console
