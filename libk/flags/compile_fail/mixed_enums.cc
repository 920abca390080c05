// Must not compile: combines flag sets of two different enums.
#include <cstdint>

#include "libk/flags/flags.h"

enum class Color : uint8_t { kRed = 1, kBlue = 2 };
LIBK_DEFINE_FLAGS(Color, {Color::kRed, "RED"}, {Color::kBlue, "BLUE"});
enum class Shape : uint8_t { kRound = 1, kSquare = 2 };
LIBK_DEFINE_FLAGS(Shape, {Shape::kRound, "ROUND"}, {Shape::kSquare, "SQUARE"});

auto Mix(libk::Flags<Color> colors, libk::Flags<Shape> shapes) { return colors | shapes; }
