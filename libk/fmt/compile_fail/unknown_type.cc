// Must not compile: 'q' is not a presentation type.
#include "libk/fmt/format.h"

void Use(libk::Sink& sink) { libk::Format(sink, "{:q}", 1); }
