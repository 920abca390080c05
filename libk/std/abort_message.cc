#include "libk/std/abort_message.h"

#include <cstdarg>
#include <cstddef>

#include "libk/fmt/sink.h"
#include "libk/fmt/string_view.h"

namespace libk {

void FormatAbortMessage(Sink& sink, const char* format, std::va_list args) {
  // SAFETY: the caller passes a NUL-terminated format.
  const StringView text(format);
  std::size_t literal_start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '%' || i + 1 == text.size()) {
      ++i;
      continue;
    }
    const char conversion = text[i + 1];
    if (conversion != 's' && conversion != '%') {
      i += 2;  // Not ours: stays in the literal text.
      continue;
    }
    sink.Write(text.Substr(literal_start, i - literal_start));
    if (conversion == '%') {
      sink.Write("%");
    } else {
      const char* argument = va_arg(args, const char*);
      // SAFETY: the caller passes a NUL-terminated string (or null) for each %s.
      sink.Write(argument == nullptr ? StringView("(null)") : StringView(argument));
    }
    i += 2;
    literal_start = i;
  }
  sink.Write(text.Substr(literal_start));
}

}  // namespace libk
