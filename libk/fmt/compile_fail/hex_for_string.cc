// Must not compile: a string cannot be formatted as hex.
#include "libk/fmt/format.h"

void Use(libk::Sink& sink) { libk::Format(sink, "{:x}", "text"); }
