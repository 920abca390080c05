// Formatting Flags<E> with libk fmt: "{}" prints the flag names, "PRESENT | WRITABLE",
// unnamed bits as one hex number and the empty set as "(empty)" (see AppendNames).
#pragma once

#include "libk/flags/flags.h"
#include "libk/fmt/formatter.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/string_view.h"

namespace libk {

template <typename E>
struct Formatter<Flags<E>> {
  static void Format(const Flags<E>& flags, const FormatSpec& /*spec*/, Sink& sink) {
    AppendNames(flags, [&sink](const char* text) { sink.Write(StringView(text)); });
  }
};

}  // namespace libk
