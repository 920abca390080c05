// std::make_unsigned mandates a non-bool integer or enumeration type: for bool the kernel's
// library rejects the program (it does not merely leave out the `type` member).
#include <type_traits>

using NotAnInteger = std::make_unsigned_t<bool>;
