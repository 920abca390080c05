// Must not compile: a '{' that opens no field.
#include "libk/fmt/format.h"

void Use(libk::Sink& sink) { libk::Format(sink, "value {", 1); }
