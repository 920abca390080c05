// Must not compile: positional fields are not supported.
#include "libk/fmt/format.h"

void Use(libk::Sink& sink) { libk::Format(sink, "{0}", 1); }
