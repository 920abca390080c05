// A comparison category compares only with the literal 0.
#include <compare>

constexpr bool kLess = (1 <=> 2) < 1;
