// Must not compile: two fields, one argument.
#include "libk/fmt/format.h"

void Use(libk::Sink& sink) { libk::Format(sink, "{} {}", 1); }
