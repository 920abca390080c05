// Must not compile: a lone '}' (a literal brace is written "}}").
#include "libk/fmt/format.h"

void Use(libk::Sink& sink) { libk::Format(sink, "{} }", 1); }
