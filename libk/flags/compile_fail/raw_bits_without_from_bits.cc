// Must not compile: a raw integer becomes a flag set only through FromBits*.
#include <cstdint>

#include "libk/flags/flags.h"

enum class Color : uint8_t { kRed = 1, kBlue = 2 };
LIBK_DEFINE_FLAGS(Color, {Color::kRed, "RED"}, {Color::kBlue, "BLUE"});

libk::Flags<Color> colors = 3;
