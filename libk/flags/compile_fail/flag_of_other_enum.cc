// Must not compile: stores a flag of another enum in a flag set.
#include <cstdint>

#include "libk/flags/flags.h"

enum class Color : uint8_t { kRed = 1, kBlue = 2 };
LIBK_DEFINE_FLAGS(Color, {Color::kRed, "RED"}, {Color::kBlue, "BLUE"});
enum class Shape : uint8_t { kRound = 1, kSquare = 2 };
LIBK_DEFINE_FLAGS(Shape, {Shape::kRound, "ROUND"}, {Shape::kSquare, "SQUARE"});

libk::Flags<Color> Paint() {
  libk::Flags<Color> colors = Shape::kRound;
  return colors;
}
