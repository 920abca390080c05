// std::bit_cast requires the source and destination to have the same size.
#include <bit>
#include <cstdint>

constexpr std::uint32_t kBits = std::bit_cast<std::uint32_t>(std::uint64_t{1});
