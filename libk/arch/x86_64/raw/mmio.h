// Raw access to memory-mapped device memory.
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// Returns a volatile pointer to the device memory mapped at virtual address `address`.
// Safety: [address, address + sizeof(T) * count) must be mapped device memory that no
// other code treats as ordinary memory, for as long as the pointer is used.
template <typename T>
volatile T* MmioPointer(std::uint64_t address) {
  return reinterpret_cast<volatile T*>(address);
}

}  // namespace libk::x86_64::raw
