// Must not compile: the format string must be known at compile time.
#include "libk/fmt/format.h"

void Use(libk::Sink& sink, const char* format) { libk::Format(sink, format, 1); }
