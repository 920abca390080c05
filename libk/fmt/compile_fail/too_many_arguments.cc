// Must not compile: one field, two arguments.
#include "libk/fmt/format.h"

void Use(libk::Sink& sink) { libk::Format(sink, "{}", 1, 2); }
