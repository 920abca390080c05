// Must not compile: Flags of an enum that did not list its flags with LIBK_DEFINE_FLAGS.
#include <cstdint>

#include "libk/flags/flags.h"

enum class Color : uint8_t { kRed = 1, kBlue = 2 };

libk::Flags<Color> colors;
