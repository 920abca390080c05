// Must not compile: a type without a libk::Formatter.
#include "libk/fmt/format.h"

struct NoFormatter {};
void Use(libk::Sink& sink) { libk::Format(sink, "{}", NoFormatter{}); }
