// Addresses of objects as integers, for hardware tables that store linear addresses
// (descriptor table registers, TSS descriptors, IST stack tops).
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// Returns the linear address of `object` as an integer. Safe: converting a pointer to an
// integer reads and writes nothing; it is only the reverse that can break memory safety.
inline std::uint64_t AddressOf(const volatile void* object) {
  return reinterpret_cast<std::uintptr_t>(object);
}

}  // namespace libk::x86_64::raw
